"""ONISEP's « compétences à s’orienter »: three families of five competences, with a progression from 5e to
terminale. Loaded by migration 0007, then edited by an operator in the administration (families, competences,
wording, progression): the wording below is a working version, to be checked against the référentiel ONISEP
publishes, and every change goes through the administration, not the code.
"""

SOURCE = (
    "ONISEP, « Les compétences à s’orienter » (plan Avenir, note du 2 juillet 2025). Liste modifiable dans "
    "l’administration : libellés à vérifier sur le référentiel publié par l’ONISEP."
)
VERSION = "2025-2026 (version de travail)"

# family code, label, [(competence code, label, progression au collège, progression au lycée)]
COMPETENCES = [
    (
        "informer",
        "S’informer et se repérer dans la société de l’information",
        [
            (
                "c1-1",
                "Rechercher, sélectionner et vérifier une information sur les formations et les métiers",
                "En 5e, trouver une information avec l’aide d’un adulte ; en 3e, comparer plusieurs sources.",
                "Croiser les sources (onisep.fr, Parcoursup, salons) et en juger la fiabilité.",
            ),
            (
                "c1-2",
                "Connaître les lieux et les personnes ressources de l’orientation",
                "Repérer le CDI, le professeur principal, le psychologue de l’Éducation nationale.",
                "Solliciter le CIO, les services d’orientation du supérieur, les anciens élèves.",
            ),
            (
                "c1-3",
                "Comprendre l’organisation des formations et des voies d’orientation",
                "Connaître les voies après la 3e : générale et technologique, professionnelle, apprentissage.",
                "Connaître les formations du supérieur, leurs attendus et les passerelles entre elles.",
            ),
            (
                "c1-4",
                "Se repérer dans le monde économique et professionnel",
                "Découvrir des métiers et des secteurs d’activité du territoire.",
                "Comprendre l’évolution des secteurs, des emplois et des conditions d’exercice.",
            ),
            (
                "c1-5",
                "Exercer son esprit critique face aux représentations et aux stéréotypes",
                "Identifier les stéréotypes liés aux métiers, notamment entre filles et garçons.",
                "Dépasser les représentations dans ses propres choix de formation.",
            ),
        ],
    ),
    (
        "decouvrir",
        "Se découvrir et cultiver ses ambitions",
        [
            (
                "c2-1",
                "Identifier ses centres d’intérêt, ses goûts et ses valeurs",
                "Dire ce que l’on aime faire, à l’école et en dehors.",
                "Relier ses intérêts et ses valeurs à des domaines de formation et de métiers.",
            ),
            (
                "c2-2",
                "Reconnaître ses compétences et ses acquis, scolaires et extrascolaires",
                "Repérer ses points forts et ce qui reste à travailler.",
                "Décrire ses compétences, y compris celles acquises en stage ou en engagement.",
            ),
            (
                "c2-3",
                "Oser formuler des ambitions sans s’interdire de voie",
                "Envisager des métiers variés, sans se limiter à ce que l’on connaît déjà.",
                "Viser une formation ambitieuse, quel que soit son milieu ou son territoire.",
            ),
            (
                "c2-4",
                "Prendre confiance en soi et valoriser son parcours",
                "Présenter une expérience réussie devant la classe.",
                "Mettre en valeur son parcours dans un entretien ou un projet motivé.",
            ),
            (
                "c2-5",
                "Échanger avec les autres pour enrichir sa réflexion",
                "Dialoguer avec sa famille et ses pairs sur ses envies.",
                "Confronter son projet à l’avis de professionnels et d’étudiants.",
            ),
        ],
    ),
    (
        "construire",
        "Se construire et se projeter dans un monde en mouvement",
        [
            (
                "c3-1",
                "Faire des choix et prendre des décisions argumentées",
                "Justifier un choix simple (option, stage d’observation).",
                "Argumenter ses vœux et en mesurer les conséquences.",
            ),
            (
                "c3-2",
                "Élaborer un projet et planifier les étapes pour le réaliser",
                "Formuler une première idée de projet et une étape pour l’explorer.",
                "Construire un projet d’études ou d’insertion et son calendrier.",
            ),
            (
                "c3-3",
                "Anticiper les transitions et les procédures d’orientation",
                "Connaître le calendrier de l’orientation en fin de 3e (Affelnet).",
                "Maîtriser les procédures de Parcoursup ou de l’insertion professionnelle.",
            ),
            (
                "c3-4",
                "S’adapter aux évolutions des métiers et de la société",
                "Découvrir les transitions écologique et numérique et leurs métiers.",
                "Envisager plusieurs scénarios et savoir rebondir.",
            ),
            (
                "c3-5",
                "Mobiliser un réseau et les dispositifs d’accompagnement",
                "Savoir à qui s’adresser pour trouver un stage.",
                "Solliciter un mentor, un réseau professionnel, les aides à la mobilité.",
            ),
        ],
    ),
]
