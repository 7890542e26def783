"""Reference data that ships with the platform, loaded by data migrations and editable in the admin.

The 30 académies of 2020 with their BCN codes and région, and the levels taught with the national reference
hours for orientation. Changing these lists later goes through a new data migration.
"""

REGIONS = [
    ("01", "Guadeloupe"),
    ("02", "Martinique"),
    ("03", "Guyane"),
    ("04", "La Réunion"),
    ("06", "Mayotte"),
    ("11", "Île-de-France"),
    ("24", "Centre-Val de Loire"),
    ("27", "Bourgogne-Franche-Comté"),
    ("28", "Normandie"),
    ("32", "Hauts-de-France"),
    ("44", "Grand Est"),
    ("52", "Pays de la Loire"),
    ("53", "Bretagne"),
    ("75", "Nouvelle-Aquitaine"),
    ("76", "Occitanie"),
    ("84", "Auvergne-Rhône-Alpes"),
    ("93", "Provence-Alpes-Côte d’Azur"),
    ("94", "Corse"),
]

# (code BCN, name, region code) — the 30 académies since the merger of Caen and Rouen into Normandie (2020).
ACADEMIES = [
    ("01", "Paris", "11"),
    ("02", "Aix-Marseille", "93"),
    ("03", "Besançon", "27"),
    ("04", "Bordeaux", "75"),
    ("06", "Clermont-Ferrand", "84"),
    ("07", "Dijon", "27"),
    ("08", "Grenoble", "84"),
    ("09", "Lille", "32"),
    ("10", "Lyon", "84"),
    ("11", "Montpellier", "76"),
    ("12", "Nancy-Metz", "44"),
    ("13", "Poitiers", "75"),
    ("14", "Rennes", "53"),
    ("15", "Strasbourg", "44"),
    ("16", "Toulouse", "76"),
    ("17", "Nantes", "52"),
    ("18", "Orléans-Tours", "24"),
    ("19", "Reims", "44"),
    ("20", "Amiens", "32"),
    ("22", "Limoges", "75"),
    ("23", "Nice", "93"),
    ("24", "Créteil", "11"),
    ("25", "Versailles", "11"),
    ("27", "Corse", "94"),
    ("28", "La Réunion", "04"),
    ("31", "Martinique", "02"),
    ("32", "Guadeloupe", "01"),
    ("33", "Guyane", "03"),
    ("43", "Mayotte", "06"),
    ("70", "Normandie", "28"),
]

# Académie codes replaced by another one (Caen 05 and Rouen 21 became Normandie 70 on 1 January 2020).
LEGACY_ACADEMIE_CODES = {"05": "70", "21": "70"}

_COLLEGE = ["college", "erea"]
_LGT = ["lgt", "lpo"]
_PRO = ["lp", "lpo"]
_CAP = ["lp", "lpo", "erea"]

SRC_COLLEGE = "Vademecum « L’accompagnement à l’orientation au collège », ministère de l’Éducation nationale (2019)"
SRC_LGT = "Arrêté du 16 juillet 2018 relatif aux modalités de l’accompagnement personnalisé et de l’accompagnement au choix de l’orientation (voie générale et technologique)"
SRC_PRO = "Arrêté du 21 novembre 2018 relatif à l’organisation et aux horaires des enseignements des formations professionnelles de niveaux 3 et 4"
SRC_PREPA = (
    "Arrêté du 10 avril 2019 relatif à l’organisation des enseignements de la classe de troisième « prépa-métiers »"
)
NOTE_PRO = "Pris sur le volume « consolidation, accompagnement personnalisé et accompagnement au choix d’orientation » de la grille horaire."

# code, label, short label, template label, voie, groupe, order, kinds, hours, note, source
NIVEAUX = [
    ("6e", "Sixième", "6e", "En classe de sixième", "college", "college", 10, _COLLEGE, None, "", ""),
    (
        "5e",
        "Cinquième",
        "5e",
        "En classe de cinquième",
        "college",
        "college",
        20,
        _COLLEGE,
        None,
        "Découverte des métiers à partir de la cinquième.",
        "Programme « Découverte des métiers » au collège (2023)",
    ),
    ("4e", "Quatrième", "4e", "En classe de quatrième", "college", "college", 30, _COLLEGE, 12, "", SRC_COLLEGE),
    ("3e", "Troisième", "3e", "En classe de troisième", "college", "college", 40, _COLLEGE, 36, "", SRC_COLLEGE),
    (
        "2nde-gt",
        "Seconde générale et technologique",
        "2nde",
        "En seconde générale et technologique",
        "gt",
        "lgt",
        50,
        _LGT,
        54,
        "À titre indicatif, selon les besoins des élèves.",
        SRC_LGT,
    ),
    (
        "1re-gt",
        "Première générale et technologique",
        "1re",
        "En première",
        "gt",
        "lgt",
        60,
        _LGT,
        54,
        "À titre indicatif, selon les besoins des élèves.",
        SRC_LGT,
    ),
    (
        "tle-gt",
        "Terminale générale et technologique",
        "Tle",
        "En terminale",
        "gt",
        "lgt",
        70,
        _LGT,
        54,
        "À titre indicatif, selon les besoins des élèves.",
        SRC_LGT,
    ),
    (
        "3e-prepa-metiers",
        "Troisième prépa-métiers",
        "3e PM",
        "En classe de troisième prépa-métiers",
        "pro",
        "prepa_metiers",
        80,
        _PRO,
        None,
        "Découverte des métiers et préparation à l’orientation inscrites dans la grille de la classe.",
        SRC_PREPA,
    ),
    (
        "2nde-pro",
        "Seconde professionnelle",
        "2nde pro",
        "En seconde professionnelle",
        "pro",
        "bac_pro",
        90,
        _PRO,
        None,
        NOTE_PRO,
        SRC_PRO,
    ),
    (
        "1re-pro",
        "Première professionnelle",
        "1re pro",
        "En première professionnelle",
        "pro",
        "bac_pro",
        100,
        _PRO,
        None,
        NOTE_PRO,
        SRC_PRO,
    ),
    (
        "tle-pro",
        "Terminale professionnelle",
        "Tle pro",
        "En terminale professionnelle – en lien avec le module choisi",
        "pro",
        "bac_pro",
        110,
        _PRO,
        None,
        NOTE_PRO + " En lien avec le module choisi : insertion professionnelle ou poursuite d’études.",
        SRC_PRO,
    ),
    (
        "cap-1",
        "CAP première année",
        "CAP 1",
        "En première année de CAP",
        "pro",
        "cap",
        120,
        _CAP,
        None,
        NOTE_PRO,
        SRC_PRO,
    ),
    (
        "cap-2",
        "CAP deuxième année",
        "CAP 2",
        "En deuxième année de CAP",
        "pro",
        "cap",
        130,
        _CAP,
        None,
        NOTE_PRO,
        SRC_PRO,
    ),
]

# The plan Avenir (note of 2 July 2025, BO n° 27) gives every level from 5e to terminale four half-days
# (« demi-journées banalisées ») a year, about 12 h: the indicative national figure for the levels that had none.
# The figures the seeds already gave (4e, 3e, voie générale et technologique) stay. Loaded by migration 0005;
# each académie can still set its own volume in its campaign.
SRC_AVENIR = (
    "Note du 2 juillet 2025 « Mise en œuvre du plan Avenir à partir de l’année scolaire 2025-2026 », "
    "BO n° 27 (MENE2519127N)"
)
NOTE_AVENIR = "Quatre demi-journées banalisées par an (plan Avenir), à titre indicatif."

# code: (hours, note, source)
PLAN_AVENIR_HOURS = {
    "6e": (
        None,
        "Aucun volume national en sixième : les demi-journées du plan Avenir commencent en cinquième.",
        SRC_AVENIR,
    ),
    "5e": (12, NOTE_AVENIR + " Découverte des métiers à partir de la cinquième.", SRC_AVENIR),
    "3e-prepa-metiers": (
        12,
        NOTE_AVENIR + " Découverte des métiers et préparation à l’orientation inscrites dans la grille de la classe.",
        f"{SRC_AVENIR} ; {SRC_PREPA}",
    ),
    **dict.fromkeys(
        ("2nde-pro", "1re-pro", "cap-1", "cap-2"), (12, NOTE_AVENIR + " " + NOTE_PRO, f"{SRC_AVENIR} ; {SRC_PRO}")
    ),
    "tle-pro": (
        12,
        NOTE_AVENIR
        + " "
        + NOTE_PRO
        + " En lien avec le module choisi : insertion professionnelle ou poursuite d’études.",
        f"{SRC_AVENIR} ; {SRC_PRO}",
    ),
}
