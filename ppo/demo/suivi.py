"""Demo follow-up of the finished school year N-1 (N = `demo.year`): every action of the three programmes N-1
recorded (the LP's in detail, girls and boys counted, one postponed and one cancelled), each bilan written and
validated by the direction, and the decisions that started the programme N (keep, adjust with a note, drop)."""

import datetime
from decimal import Decimal

from ppo.demo.base import demo_datetime
from ppo.plans.models import ProgrammeAnnuel
from ppo.suivi.agenda import month_of_period
from ppo.suivi.enums import DecisionReprise, Evaluation, StatutSuivi
from ppo.suivi.models import Bilan, Reprise, RepriseAction, SuiviAction
from ppo.suivi.services import bilan_update, bilan_validate, suivi_record

D = datetime.date
# The LP's actions by title: (status, month, day, girls, boys, evaluation, comment or reason).
LP_FOLLOW_UPS = {
    "Entretiens d’orientation individualisés": (
        StatutSuivi.REALISEE, 11, 18, 9, 14, Evaluation.OUI, "Tous les élèves ont été reçus, vœux argumentés."
    ),
    "Stages d’observation en entreprise": (
        StatutSuivi.REALISEE, 1, 20, 8, 13, Evaluation.OUI, "Trois métiers découverts par élève en moyenne."
    ),
    "Mini-stages dans les lycées professionnels du bassin": (
        StatutSuivi.REPORTEE, 5, 12, None, None, "", "Les lycées d’accueil ont décalé les dates : reporté en mai."
    ),
    "Portfolio du parcours Avenir": (
        StatutSuivi.REALISEE, 5, 28, 12, 15, Evaluation.PARTIELLEMENT, "Portfolio tenu par deux tiers des élèves."
    ),
    "Forum des métiers du bâtiment et de l’énergie": (
        StatutSuivi.REALISEE, 2, 5, 21, 34, Evaluation.OUI, "Forum apprécié ; peu de filles sur le stand énergie."
    ),
    "Journée de découverte des familles de métiers": (
        StatutSuivi.REALISEE, 10, 16, 11, 17, Evaluation.NON, "Trop de contenus en une journée."
    ),
    "Atelier « Mon projet après le bac pro »": (
        StatutSuivi.REALISEE, 3, 17, 10, 16, Evaluation.OUI, "Choix du module de terminale argumenté par presque tous."
    ),
    "Rencontres femmes et hommes de métiers non genrés": (
        StatutSuivi.ANNULEE, None, None, None, None, "", "Intervenant indisponible, pas de remplaçant trouvé."
    ),
    "Salon de l’enseignement supérieur de Caen": (
        StatutSuivi.REALISEE, 12, 4, 14, 22, Evaluation.OUI, "Car partagé avec le lycée voisin ; BTS découverts."
    ),
    "Module insertion ou poursuite d’études": (
        StatutSuivi.REALISEE, 5, 22, 9, 15, Evaluation.PARTIELLEMENT, "Projet construit pour quatre élèves sur cinq."
    ),
    "Simulations d’entretien d’embauche": (
        StatutSuivi.REALISEE, 1, 27, 8, 12, Evaluation.OUI, "Retours très positifs du club d’entreprises."
    ),
    "Entretiens de positionnement": (
        StatutSuivi.REALISEE, 9, 26, 6, 10, Evaluation.OUI, "Cinq élèves repérés et accompagnés."
    ),
    "Visites d’entreprises partenaires": (
        StatutSuivi.REALISEE, 4, 8, 11, 19, Evaluation.OUI, "Quatre entreprises visitées."
    ),
    "Découverte des poursuites d’études après le CAP": (
        StatutSuivi.REALISEE, 4, 15, 5, 9, Evaluation.OUI, ""
    ),
    "Préparer sa recherche d’emploi": (
        StatutSuivi.REALISEE, 6, 3, 5, 8, Evaluation.PARTIELLEMENT, "CV à jour ; lettres de motivation à reprendre."
    ),
    "Conférence « Les métiers de demain »": (
        StatutSuivi.REALISEE, 11, 25, 13, 17, Evaluation.NON, "Format trop magistral : les élèves ont peu participé."
    ),
}  # fmt: skip
# The LP's decisions for year N, by title (the other actions are kept as they are).
LP_DECISIONS = {
    "Mini-stages dans les lycées professionnels du bassin": (
        DecisionReprise.AJUSTER,
        "Caler les dates avec les lycées d’accueil dès la rentrée.",
    ),
    "Journée de découverte des familles de métiers": (
        DecisionReprise.AJUSTER,
        "Découper la journée en deux demi-journées.",
    ),
    "Rencontres femmes et hommes de métiers non genrés": (
        DecisionReprise.AJUSTER,
        "Prévoir deux intervenantes ou intervenants pour ne plus dépendre d’une seule personne.",
    ),
    "Conférence « Les métiers de demain »": (DecisionReprise.ABANDONNER, ""),
}
LP_BILAN = {
    "synthesis": "Une année de mise en route du PPO : la plupart des actions prévues ont eu lieu et les élèves de 3e "
    "prépa-métiers ont tous été accompagnés. La mixité reste faible dans les filières du bâtiment et de l’énergie.",
    "pupils_comment": "Un peu plus d’un tiers de filles parmi les élèves touchés, moins encore au forum du bâtiment.",
    "next_steps": "Garder l’essentiel des actions ; ajuster les mini-stages, la journée de découverte et les "
    "rencontres sur la mixité ; ne pas reprendre la conférence, trop magistrale.",
}
OTHER_BILAN = {
    "synthesis": "Toutes les actions prévues ont eu lieu ; l’équipe reconduit le programme pour l’année suivante.",
}
# When the team closed the year: the bilan validated, then the programme N started from it (plans/demo.py).
BILAN_DAY = (6, 26)
DEFAULT_MONTH = 3  # for an action whose period names no single month (« toute l’année »)


def load(demo) -> None:
    previous_year = demo.year - 1
    for key, email in (
        ("lp", "direction.lp@demo.ppo.fr"),
        ("college", "direction.college@demo.ppo.fr"),
        ("lgt", "direction.lgt@demo.ppo.fr"),
    ):
        programme = ProgrammeAnnuel.objects.filter(ppo__etablissement=demo.schools[key], year=previous_year).first()
        if programme is None or SuiviAction.objects.filter(action__programme=programme).exists():
            continue
        director = demo.users[email]
        writer = demo.users.get(email.replace("direction.", "redacteur."), director)
        if key == "lp":
            _lp_follow_ups(programme, writer)
        else:
            _plain_follow_ups(programme, writer)
        if not Bilan.objects.filter(programme=programme).exists():
            bilan_update(programme=programme, user=director, **(LP_BILAN if key == "lp" else OTHER_BILAN))
            bilan_validate(programme=programme, user=director)
            Bilan.objects.filter(programme=programme).update(validated_at=demo_datetime(D(demo.year, *BILAN_DAY)))
        _decisions(programme, director, LP_DECISIONS if key == "lp" else {})


def _day(year, month, day):
    """The date in school year `year` (September to August) of that month and day."""
    return D(year + (month < 9), month, day)


def _lp_follow_ups(programme, user):
    for action in programme.actions.order_by("axe__number", "order", "pk"):
        status, month, day, girls, boys, evaluation, text = LP_FOLLOW_UPS[action.title]
        done = status == StatutSuivi.REALISEE
        suivi_record(
            action=action,
            user=user,
            status=status,
            reason="" if done else text,
            actual_date=_day(programme.year, month, day) if month else None,
            hours_spent=(action.hours - Decimal("0.5")) if done and action.hours else None,
            girls=girls,
            boys=boys,
            evaluation=evaluation,
            comment=text if done else "",
        )


def _plain_follow_ups(programme, user):
    """Every action done in the month of its period (March when the period names no single month)."""
    for action in programme.actions.order_by("axe__number", "order", "pk"):
        suivi_record(
            action=action,
            user=user,
            status=StatutSuivi.REALISEE,
            actual_date=_day(programme.year, month_of_period(action.period) or DEFAULT_MONTH, 15),
            hours_spent=action.hours,
            evaluation=Evaluation.OUI,
        )


def _decisions(programme, user, decisions):
    """The keep / adjust / drop decision of each action, as `programme_start_next_year_from_bilan` records them."""
    if RepriseAction.objects.filter(action__programme=programme).exists():
        return
    nxt = ProgrammeAnnuel.objects.filter(ppo=programme.ppo, year=programme.year + 1).first()
    copies = dict(nxt.actions.values_list("copied_from_id", "pk")) if nxt else {}
    rows = []
    for action in programme.actions.order_by("order", "pk"):
        decision, note = decisions.get(action.title, (DecisionReprise.GARDER, ""))
        if action.pk not in copies:
            decision, note = DecisionReprise.ABANDONNER, ""
        rows.append(
            RepriseAction(action=action, decision=decision, note=note, copy_id=copies.get(action.pk), decided_by=user)
        )
    RepriseAction.objects.bulk_create(rows)
    RepriseAction.objects.filter(action__programme=programme).update(
        decided_at=demo_datetime(D(programme.year + 1, 6, 30))
    )
    if nxt is not None:
        kept = sum(1 for row in rows if row.decision != DecisionReprise.ABANDONNER)
        reprise = Reprise.objects.create(
            source=programme,
            target=nxt,
            created_target=True,
            bilan_validated=True,
            added=kept,
            dropped=len(rows) - kept,
            decided_by=user,
        )
        Reprise.objects.filter(pk=reprise.pk).update(decided_at=demo_datetime(D(programme.year + 1, 6, 30)))
