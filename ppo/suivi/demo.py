"""Demo follow-up: part of the LP's 2025-2026 actions recorded (girls and boys counted) and a draft bilan."""

import datetime
from decimal import Decimal

from ppo.plans.models import ProgrammeAnnuel
from ppo.suivi.enums import Evaluation, StatutSuivi
from ppo.suivi.models import Bilan, SuiviAction
from ppo.suivi.services import bilan_update, suivi_record

YEAR = 2025
# For the first actions of the programme, in order: (status, month, day, girls, boys, evaluation, comment or reason)
FOLLOW_UPS = [
    (StatutSuivi.REALISEE, 11, 18, 9, 14, Evaluation.OUI, "Tous les élèves ont été reçus, vœux argumentés."),
    (StatutSuivi.REALISEE, 1, 20, 8, 13, Evaluation.OUI, "Trois métiers découverts par élève en moyenne."),
    (StatutSuivi.REPORTEE, 3, 24, None, None, "", "Les lycées d’accueil ont décalé les dates : reporté en mai."),
    (StatutSuivi.REALISEE, 10, 2, 12, 15, Evaluation.PARTIELLEMENT, "Portfolio tenu par deux tiers des élèves."),
    (StatutSuivi.REALISEE, 2, 5, 21, 34, Evaluation.OUI, "Forum apprécié ; peu de filles sur le stand énergie."),
    (StatutSuivi.REALISEE, 10, 16, 11, 17, Evaluation.NON, "Trop de contenus en une journée."),
    (StatutSuivi.ANNULEE, None, None, None, None, "", "Intervenant indisponible, pas de remplaçant trouvé."),
]
SYNTHESIS = (
    "Une année de mise en route du PPO : la plupart des actions prévues ont eu lieu et les élèves de 3e prépa-métiers "
    "ont tous été accompagnés. La mixité reste faible dans les filières du bâtiment et de l’énergie."
)


def load(demo) -> None:
    programme = (
        ProgrammeAnnuel.objects.filter(ppo__etablissement=demo.schools["lp"], year=YEAR)
        .select_related("ppo__etablissement")
        .first()
    )
    if programme is None or SuiviAction.objects.filter(action__programme=programme).exists():
        return
    user = demo.users["redacteur.lp@demo.ppo.fr"]
    actions = list(programme.actions.order_by("axe__number", "order", "pk"))
    for action, (status, month, day, girls, boys, evaluation, text) in zip(actions, FOLLOW_UPS, strict=False):
        done = status == StatutSuivi.REALISEE
        suivi_record(
            action=action,
            user=user,
            status=status,
            reason="" if done else text,
            actual_date=datetime.date(YEAR + (month < 9), month, day) if month else None,
            hours_spent=(action.hours - Decimal("0.5")) if done and action.hours else None,
            girls=girls,
            boys=boys,
            evaluation=evaluation,
            comment=text if done else "",
        )
    if not Bilan.objects.filter(programme=programme).exists():
        bilan_update(programme=programme, user=demo.users["direction.lp@demo.ppo.fr"], version=1, synthesis=SYNTHESIS)
