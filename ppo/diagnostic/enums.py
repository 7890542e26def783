from django.db import models


class CategorieIndicateur(models.TextChoices):
    INSERTION = "insertion", "Insertion professionnelle"
    POURSUITE = "poursuite", "Poursuite d’études"
    REUSSITE = "reussite", "Réussite aux examens"
    PARCOURS = "parcours", "Parcours et orientation"
    EFFECTIFS = "effectifs", "Effectifs"
    MIXITE = "mixite", "Mixité filles-garçons"
    PILOTAGE = "pilotage", "Pilotage et partenariats"


class Unite(models.TextChoices):
    POURCENT = "pourcent", "Pourcentage"
    POINTS = "points", "Points de pourcentage"
    EFFECTIF = "effectif", "Nombre d’élèves"
    NOMBRE = "nombre", "Nombre"
    INDICE = "indice", "Indice"
    RATIO = "ratio", "Ratio"
    HEURES = "heures", "Heures"


UNIT_SYMBOLS = {
    Unite.POURCENT: "%",
    Unite.POINTS: "pts",
    Unite.EFFECTIF: "élèves",
    Unite.NOMBRE: "",
    Unite.INDICE: "",
    Unite.RATIO: "",
    Unite.HEURES: "h",
}

# The valid range each unit suggests (min, max; None: no bound). The data migration `0007_indicateur_bornes` fills
# the existing indicators with it (the IPS gets its own, 40 to 180); the administration may change any of them.
UNIT_BOUNDS = {
    Unite.POURCENT: (0, 100),
    Unite.POINTS: (-100, 100),
    Unite.EFFECTIF: (0, None),
    Unite.NOMBRE: (0, None),
    Unite.INDICE: (None, None),
    Unite.RATIO: (0, None),
    Unite.HEURES: (0, None),
}
IPS_BOUNDS = (40, 180)


class SourceValeur(models.TextChoices):
    SAISIE = "saisie", "Saisie dans la plateforme"
    MODELE = "modele", "Fichier de l’établissement (modèle CSV ou XLSX)"
    INSERJEUNES = "inserjeunes", "InserJeunes (DEPP)"
    DNB = "dnb", "Diplôme national du brevet (DEPP)"
    SPECIALITES = "specialites", "Effectifs par spécialité en terminale générale (DEPP)"
    SPECIALITES_PREMIERE = "specialites_1ere", "Effectifs par spécialité et triplette en première générale (DEPP)"
    EFFECTIFS_LYCEE = "effectifs_lycee", "Effectifs par niveau et sexe des lycées (DEPP)"
    IVAC = "ivac", "Indicateurs de valeur ajoutée des collèges (DEPP)"
    IPS_COLLEGES = "ips_colleges", "IPS des collèges (DEPP)"


class Public(models.TextChoices):
    DIRECTION = "direction", "Équipe de direction"
    EQUIPES = "equipes", "Équipes éducatives"


class TypeQuestion(models.TextChoices):
    TEXTE = "texte", "Réponse libre"
    OUI_NON = "oui_non", "Oui ou non, avec précision"
    CHOIX = "choix", "Choix dans une liste"
    NOMBRE = "nombre", "Nombre"
    ACTIONS = "actions", "Liste d’actions existantes"


class StatutReponse(models.TextChoices):
    BROUILLON = "brouillon", "Brouillon"
    SOUMISE = "soumise", "Envoyée à la direction"


class CategorieAxe(models.TextChoices):
    """The categories of the « axes d’amélioration » box of the template (seed 000)."""

    THEMATIQUES = "thematiques", "Thématiques à développer"
    DIVERSIFICATION = "diversification", "Diversification des parcours à améliorer"
    PARTENARIATS = "partenariats", "Partenariats à approfondir"
    METHODOLOGIE = "methodologie", "Méthodologie à perfectionner"
    COMMUNICATION = "communication", "Communication interne et externe à renforcer"
    VIGILANCE = "vigilance", "Point de vigilance"
