"""The frame of every PPO, as written in the official templates (seeds 000 and 002). Loaded by a data migration.

Labels are kept exactly as in the seeds, typography included — except where an official name is misspelt there
(FORMER_LABELS: the importer still reads the seeds' spelling).
"""

CMQ = "Campus des métiers et des qualifications (CMQ)"

# (category, label as written in the seeds, official label): renamed in place by migration 0006; a Word document
# written on the official template still ticks the box under its former label.
FORMER_LABELS = [("partenariats", "Campus de métiers et des qualifications (CMQ)", CMQ)]

# number, label (collège, LGT, 3e prépa-métiers), label bac pro, label CAP, short label
AXES = [
    (
        1,
        "Élaborer son projet d’orientation scolaire et professionnelle",
        "Élaborer son projet d’orientation scolaire et professionnelle",
        "Élaborer son projet d’orientation scolaire et professionnelle",
        "Projet d’orientation",
    ),
    (
        2,
        "Découvrir le monde économique et professionnel et les métiers",
        "Découvrir les principes de fonctionnement et la diversité du monde économique et professionnel",
        "Découvrir les principes de fonctionnement et la diversité du monde économique et professionnel",
        "Monde économique et métiers",
    ),
    (
        3,
        "Découvrir les différentes voies de formation",
        "Connaître les formations de l’enseignement supérieur et leurs débouchés",
        "Connaître les formations et leurs débouchés",
        "Voies de formation",
    ),
]

# category, group, label, economic world
RESSOURCES = [
    ("acteurs", "", "Professeurs Principaux", False),
    ("acteurs", "", "Professeurs", False),
    ("acteurs", "", "Professeur documentaliste", False),
    ("acteurs", "", "CPE", False),
    ("acteurs", "", "PsyEN", False),
    ("acteurs", "", "Familles", False),
    ("acteurs", "", "Référent Cordées de la réussite", False),
    ("acteurs", "", "Référent égalité filles-garçons", False),
    ("acteurs", "", "Référent décrochage", False),
    ("actions_dispositifs", "Etablissements d'enseignement supérieur", "Salons du supérieur", False),
    ("actions_dispositifs", "Etablissements d'enseignement supérieur", "« Journées du lycéen »", False),
    ("actions_dispositifs", "Etablissements d'enseignement supérieur", "Journée portes ouvertes", False),
    ("actions_dispositifs", "Etablissements d'enseignement supérieur", "Printemps de l’orientation", False),
    ("actions_dispositifs", "Etablissements d'enseignement supérieur", "Webinaires", False),
    ("actions_dispositifs", "Etablissements d'enseignement supérieur", "Conférences", False),
    ("actions_dispositifs", "Etablissements d'enseignement supérieur", "Immersions", False),
    (
        "actions_dispositifs",
        "Agence Régionale de l’Orientation et des Métiers de Normandie (AROM)",
        "Information métiers",
        False,
    ),
    (
        "actions_dispositifs",
        "Agence Régionale de l’Orientation et des Métiers de Normandie (AROM)",
        "Immersion en entreprise",
        True,
    ),
    (
        "actions_dispositifs",
        "Agence Régionale de l’Orientation et des Métiers de Normandie (AROM)",
        "Xperiences Métiers",
        True,
    ),
    ("partenariats", "", "Représentants du monde économique", True),
    ("partenariats", "", "Représentants du monde professionnel", True),
    ("partenariats", "", "Représentants du monde associatif", False),
    ("partenariats", "", "Comité Local École Entreprise (CLEE)", True),
    ("partenariats", "", CMQ, True),
    ("partenariats", "", "Mission locale", False),
    ("partenariats", "", "Pôle emploi", False),
    ("ressources", "", "Vade-mecum « l’accompagnement à l’orientation au lycée »", False),
    ("ressources", "", "onisep.fr", False),
    ("ressources", "", "horizons21.fr", False),
    ("ressources", "", "secondes-premieres2021-2022.fr", False),
    ("ressources", "", "terminales2021-2022.fr", False),
    ("ressources", "", "Repères DRAIO", False),
    ("ressources", "", "Notes d’information (Ministère, CEREQ…)", False),
]
