from django.db import models


class StatutProgramme(models.TextChoices):
    """The life of an annual programme, in the order of the official procedure."""

    BROUILLON = "brouillon", "Brouillon"
    AVIS_CP = "avis_cp", "Avis du conseil pédagogique rendu"
    ADOPTE_CA = "adopte_ca", "Adopté en conseil d’administration"
    TRANSMIS = "transmis", "Transmis à l’académie"
    A_COMPLETER = "a_completer", "Renvoyé à compléter par l’académie"
    VALIDE = "valide", "Validé par l’académie"
    PUBLIE = "publie", "Publié"


class CategorieRessource(models.TextChoices):
    """The four checklists of « Ressources à mobiliser pour mettre en œuvre le PPO » (seed 000)."""

    ACTEURS = "acteurs", "Acteurs de la communauté éducative"
    ACTIONS_DISPOSITIFS = "actions_dispositifs", "Actions et dispositifs proposés"
    PARTENARIATS = "partenariats", "Partenariats"
    RESSOURCES = "ressources", "Ressources"


class TypeAction(models.TextChoices):
    SEANCE = "seance", "Séance ou atelier en classe"
    INTERVENTION = "intervention", "Intervention de professionnels ou de partenaires"
    VISITE = "visite", "Visite d’entreprise ou d’établissement"
    IMMERSION = "immersion", "Immersion, mini-stage, stage"
    EVENEMENT = "evenement", "Salon, forum, journée portes ouvertes"
    ENTRETIEN = "entretien", "Entretien personnalisé"
    FAMILLES = "familles", "Information des familles"
    RESSOURCE = "ressource", "Outil ou ressource"
    FORMATION = "formation", "Formation des personnels"
    AUTRE = "autre", "Autre"


class OrigineAction(models.TextChoices):
    SAISIE = "saisie", "Saisie dans la plateforme"
    INVENTAIRE = "inventaire", "Inventaire des actions existantes"
    IMPORT_WORD = "import_word", "Import d’un document Word"
    CATALOGUE = "catalogue", "Catalogue des partenaires"
    AMBASSADEUR = "ambassadeur", "Demande à un ambassadeur métiers"
    REPRISE = "reprise", "Reprise de l’année précédente"
