"""The families' guide of each level (reference data loaded by a migration, then edited in the administration) and
the short glossary of the acronyms that remain in what families read.

Plain language, addressed to parents; months rather than dates, which change every year (the académie's temps forts
give the year's dates).
"""

_PP = "Le professeur principal de la classe : c’est le premier interlocuteur pour l’orientation."
_PSY = "Le ou la Psy-EN (psychologue de l’Éducation nationale) de l’établissement, sur rendez-vous."
_CIO = "Le CIO (centre d’information et d’orientation) le plus proche, ouvert aussi pendant une partie des vacances."
_MEETING = "Venez à la réunion de rentrée et aux rencontres parents-professeurs."
_TALK = "Parlez avec votre enfant de ce qu’il aime faire et des métiers qu’il connaît autour de lui."
_PORTES = "Visitez avec votre enfant les journées portes ouvertes des lycées, des CFA et des salons."
_PARCOURSUP = [
    ("décembre", "Le site Parcoursup ouvre pour découvrir les formations de l’enseignement supérieur."),
    ("janvier à mars", "Votre enfant s’inscrit sur Parcoursup et formule ses vœux ; parlez-en ensemble."),
    ("début avril", "Dernier délai pour compléter le dossier et confirmer chaque vœu."),
    ("à partir de juin", "Les formations répondent : votre enfant accepte ou refuse dans les délais indiqués."),
]

# niveau code → [(kind, period, text)]
REPERES = {
    "6e": [
        ("enfant", "", "En 6e, votre enfant découvre le collège et commence à réfléchir à ce qu’il aime faire."),
        ("parents", "septembre", _MEETING),
        ("parents", "toute l’année", _TALK),
        ("contact", "", _PP),
    ],
    "5e": [
        ("enfant", "", "En 5e, votre enfant découvre des métiers et des formations, en classe et lors de rencontres."),
        ("parents", "septembre", _MEETING),
        ("parents", "toute l’année", _TALK),
        ("contact", "", _PP),
        ("contact", "", _PSY),
    ],
    "4e": [
        (
            "enfant",
            "",
            "En 4e, votre enfant découvre le monde du travail : rencontres avec des professionnels, "
            "visites d’entreprises, premières recherches sur les métiers.",
        ),
        ("parents", "septembre", _MEETING),
        ("parents", "printemps", _PORTES),
        ("contact", "", _PP),
        ("contact", "", _PSY),
    ],
    "3e": [
        (
            "enfant",
            "",
            "En 3e, votre enfant fait un stage d’observation en entreprise et choisit ce qu’il fera après le "
            "collège : seconde générale et technologique, seconde professionnelle ou CAP.",
        ),
        ("parents", "septembre", _MEETING),
        (
            "parents",
            "décembre à mars",
            "Sur la fiche de dialogue, vous indiquez avec votre enfant ses souhaits d’orientation ; le conseil de "
            "classe vous répond.",
        ),
        ("parents", "janvier à avril", _PORTES),
        (
            "parents",
            "mai à juin",
            "Vous faites les demandes de lycée avec votre enfant sur le service en ligne Affectation (Affelnet).",
        ),
        (
            "parents",
            "fin juin",
            "Vous recevez le résultat de l’affectation, puis vous inscrivez votre enfant au lycée.",
        ),
        ("contact", "", _PP),
        ("contact", "", _PSY),
        ("contact", "", _CIO),
    ],
    "3e-prepa-metiers": [
        (
            "enfant",
            "",
            "En 3e prépa-métiers, votre enfant découvre plusieurs métiers et la voie professionnelle, avec des stages "
            "en entreprise, et choisit sa formation après la 3e.",
        ),
        ("parents", "janvier à avril", _PORTES),
        (
            "parents",
            "mai à juin",
            "Vous faites les demandes de formation avec votre enfant sur le service en ligne Affectation (Affelnet).",
        ),
        ("contact", "", _PP),
        ("contact", "", _PSY),
        ("contact", "", _CIO),
    ],
    "2nde-gt": [
        (
            "enfant",
            "",
            "En seconde, votre enfant choisit pour la première trois enseignements de spécialité (voie générale) ou "
            "une série (voie technologique).",
        ),
        ("parents", "septembre", _MEETING),
        (
            "parents",
            "décembre à mai",
            "Sur la fiche de dialogue, vous indiquez avec votre enfant ses souhaits pour la première ; le conseil "
            "de classe vous répond.",
        ),
        ("parents", "janvier à avril", _PORTES),
        ("contact", "", _PP),
        ("contact", "", _PSY),
    ],
    "1re-gt": [
        (
            "enfant",
            "",
            "En première, votre enfant passe l’épreuve anticipée de français, garde deux spécialités pour la "
            "terminale et commence à découvrir les études supérieures.",
        ),
        ("parents", "toute l’année", "Accompagnez votre enfant aux salons et portes ouvertes du supérieur."),
        ("contact", "", _PP),
        ("contact", "", _PSY),
    ],
    "tle-gt": [
        ("enfant", "", "En terminale, votre enfant prépare le bac et choisit ses études supérieures sur Parcoursup."),
        *[("parents", period, text) for period, text in _PARCOURSUP],
        ("contact", "", _PP),
        ("contact", "", _PSY),
        ("contact", "", _CIO),
    ],
    "2nde-pro": [
        (
            "enfant",
            "",
            "En seconde professionnelle, votre enfant découvre une famille de métiers et fait ses premières "
            "périodes en entreprise (PFMP).",
        ),
        ("parents", "septembre", _MEETING),
        ("parents", "printemps", "Vous choisissez avec votre enfant sa spécialité de bac pro pour la première."),
        ("contact", "", _PP),
        ("contact", "", _PSY),
    ],
    "1re-pro": [
        (
            "enfant",
            "",
            "En première professionnelle, votre enfant apprend son métier au lycée et en entreprise (PFMP).",
        ),
        ("parents", "toute l’année", _TALK),
        ("contact", "", _PP),
        ("contact", "", _PSY),
    ],
    "tle-pro": [
        (
            "enfant",
            "",
            "En terminale professionnelle, votre enfant choisit entre un emploi et des études (un BTS par exemple) ; "
            "le lycée l’accompagne dans les deux cas.",
        ),
        *[("parents", period, text) for period, text in _PARCOURSUP],
        ("contact", "", _PP),
        ("contact", "", _PSY),
        ("contact", "", _CIO),
    ],
    "cap-1": [
        ("enfant", "", "En première année de CAP, votre enfant apprend un métier, au lycée et en entreprise (PFMP)."),
        ("parents", "septembre", _MEETING),
        ("contact", "", _PP),
    ],
    "cap-2": [
        (
            "enfant",
            "",
            "En deuxième année de CAP, votre enfant passe son diplôme et choisit : un emploi, ou la suite en bac pro.",
        ),
        ("parents", "janvier à avril", _PORTES),
        ("contact", "", _PP),
        ("contact", "", _PSY),
    ],
}

GLOSSARY = [
    ("Affelnet", "Le service en ligne où l’on demande un lycée après la 3e (« Affectation »)."),
    ("CFA", "Centre de formation d’apprentis : on y apprend un métier en alternance avec une entreprise."),
    ("CIO", "Centre d’information et d’orientation : conseil gratuit, pour les élèves et leurs parents."),
    ("Parcoursup", "Le site où les élèves de terminale demandent leurs études après le bac."),
    ("PFMP", "Période de formation en milieu professionnel : les stages en entreprise de la voie professionnelle."),
    ("Psy-EN", "Psychologue de l’Éducation nationale, qui aide chaque élève à construire son orientation."),
]
