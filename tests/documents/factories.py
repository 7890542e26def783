"""A rich programme (every field, several axes and levels, ticks, « Autre » texts) used by the documents tests."""

import datetime
from decimal import Decimal

from ppo.plans.enums import CategorieRessource, TypeAction
from ppo.plans.models import Axe, RessourceItem
from ppo.plans.services import action_create, ppo_create
from ppo.referentiel.models import Niveau


def _items(category, *labels):
    return list(RessourceItem.objects.filter(category=category, label__in=labels))


def rich_programme(*, etablissement, user, first_year=2025, extra_actions=0):
    ppo = ppo_create(etablissement=etablissement, first_year=first_year, years=4, user=user)
    programme = ppo.programmes.get()
    programme.ressources.set(
        _items(CategorieRessource.ACTEURS, "Professeurs Principaux", "PsyEN", "Référent décrochage")
        + _items(CategorieRessource.ACTIONS_DISPOSITIFS, "Salons du supérieur", "Xperiences Métiers")
        + _items(CategorieRessource.PARTENARIATS, "Mission locale")
        + _items(CategorieRessource.RESSOURCES, "onisep.fr")
    )
    programme.ressources_autres = {"acteurs": "Infirmière scolaire", "ressources": "Folios"}
    programme.training = (
        "Formation des professeurs principaux à l’entretien d’orientation.\nStage sur site en janvier."
    )
    programme.notes = "Note interne de l’équipe."
    programme.save()
    axes = {axe.number: axe for axe in Axe.objects.all()}
    niveaux = {n.code: n for n in Niveau.objects.all()}
    pp, cpe = _items(CategorieRessource.ACTEURS, "Professeurs Principaux", "CPE")
    clee, mission = _items(CategorieRessource.PARTENARIATS, "Comité Local École Entreprise (CLEE)", "Mission locale")
    action_create(
        programme=programme,
        user=user,
        axe=axes[1],
        niveaux=[niveaux["2nde-pro"], niveaux["1re-pro"]],
        title="Entretiens personnalisés d’orientation",
        kind=TypeAction.ENTRETIEN,
        objective="Chaque élève formule un projet.\nIl le présente à son professeur principal.",
        actors=[pp, cpe],
        actors_other="Proviseure adjointe, DDFPT",
        period="novembre",
        start_date=datetime.date(first_year, 11, 12),
        end_date=datetime.date(first_year, 11, 14),
        description="Entretien de vingt minutes.\nCompte rendu dans Folios.",
        partner_items=[mission],
        partners="CIO de Granville",
        hours=Decimal("2.5"),
        classes="2nde MRC, 1re MRC",
        pupils_count=48,
        expected_effects="Projet écrit pour 90 % des élèves.",
        indicators="Nombre d’entretiens menés\nTaux de projets écrits",
        gender_equality=True,
        internal_comment="Prévoir une salle calme.",
    )
    action_create(
        programme=programme,
        user=user,
        axe=axes[2],
        niveaux=[niveaux["tle-pro"]],
        title="Visite d’entreprise du bassin",
        kind=TypeAction.VISITE,
        objective="Découvrir un atelier de production.",
        actors=[pp],
        period="mars",
        start_date=datetime.date(first_year + 1, 3, 5),
        description="Visite d’une demi-journée.",
        partner_items=[clee],
        partners="Entreprise Acier Normand",
        expected_effects="Les élèves nomment trois métiers de l’atelier.",
    )
    action_create(
        programme=programme,
        user=user,
        axe=axes[3],
        niveaux=[niveaux["cap-1"]],
        title="Forum des formations",
        kind=TypeAction.EVENEMENT,
        description="Stands des lycées du bassin.",
    )
    action_create(
        programme=programme,
        user=user,
        axe=axes[2],
        niveaux=[niveaux["3e-prepa-metiers"]],
        title="Mini-stages en lycée professionnel",
        kind=TypeAction.IMMERSION,
        objective="Tester deux spécialités.",
        hours=Decimal("6"),
        start_date=datetime.date(first_year + 1, 1, 20),
    )
    for index in range(extra_actions):
        action_create(
            programme=programme,
            user=user,
            axe=axes[index % 3 + 1],
            niveaux=[niveaux[("2nde-pro", "1re-pro", "tle-pro", "cap-1", "cap-2")[index % 5]]],
            title=f"Action supplémentaire {index + 1}",
            kind=TypeAction.SEANCE,
            objective=f"Objectif opérationnel {index + 1}",
            period="toute l’année",
            start_date=datetime.date(first_year, 9, 1) + datetime.timedelta(days=index % 200),
            description=f"Description de l’action {index + 1}, sur deux lignes.\nSeconde ligne.",
            partners="Partenaire local",
            expected_effects="Effets attendus.",
            indicators="Indicateur.",
            internal_comment="Commentaire interne.",
        )
    return programme
