"""The two questionnaires of the diagnostic, in the wording of seed 001 (grille Plan / Do / Check, voie pro).

Seed 000 names them: « Questionnaire état des lieux pour l’équipe de direction » and « Questionnaire inventaire
des actions mises en œuvre destiné aux équipes éducatives ». The direction answers the context, the organisation
and the follow-up of pupils; the educational teams answer insertion and poursuite d’études and list their actions.
Loaded by the data migration `0003_questionnaires` (update by code: wording fixes reach existing databases).
Each question: code, kind, text, help text, choices.
"""

CONTEXTE = (
    "Chaque élève bénéficie d’un temps d’accompagnement renforcé qui répond à ses besoins, à ses aspirations et à "
    "ses projets. L’aide à l’orientation est un volet des dispositifs d’accompagnement en classes de CAP et de "
    "baccalauréat professionnel.\n"
    "L’objectif est d’accompagner les élèves dans la construction de leur parcours visant, à terme, l’insertion "
    "professionnelle, celle-ci pouvant passer par une poursuite d’études."
)
FREQUENCES = [
    "Toutes les semaines",
    "Tous les quinze jours",
    "Globalisées sur l’année",
    "Organisées sous forme de modules thématiques",
    "Pas encore identifiées dans l’emploi du temps",
]
GROUPES = ["En groupe", "En classe entière", "Selon les séances"]
MENTORAT = "Si oui, précisez les dispositifs de mentorat et la mobilisation des anciens élèves."

QUESTIONNAIRES = [
    {
        "code": "etat-des-lieux",
        "title": "Questionnaire état des lieux pour l’équipe de direction",
        "audience": "direction",
        "intro": CONTEXTE,
        "sections": [
            (
                "Contexte, stratégie, sens, objectifs",
                "",
                [
                    (
                        "ctx-axe-projet",
                        "oui_non",
                        "Cette préparation s’inscrit-il dans un axe / des axes du projet d’établissement ?",
                        "Précisez le ou les axes.",
                        [],
                    ),
                    ("ctx-pilotage", "oui_non", "Le pilotage des actions est-il mis en place ?", "", []),
                    (
                        "ctx-instances",
                        "oui_non",
                        "Des instances, comme par exemple le conseil pédagogique, définissent-elles des objectifs et "
                        "des propositions de mise en œuvre ?",
                        "",
                        [],
                    ),
                    (
                        "ctx-communication",
                        "texte",
                        "De quelle façon est organisée la communication autour de la question de l’orientation ?",
                        "",
                        [],
                    ),
                    (
                        "ctx-echeancier",
                        "oui_non",
                        "Un échéancier, des indicateurs cibles, des bilans d’étapes sont-ils prévus ?",
                        "",
                        [],
                    ),
                ],
            ),
            (
                "Acteurs – Actions – Moyens – Temps : organisation au sein de l’établissement",
                "",
                [
                    (
                        "org-heures",
                        "choix",
                        "Les heures dédiées à l’orientation dans le cadre du soutien au parcours en Bac pro et à de "
                        "l’accompagnement personnalisé en CAP par niveau sont-elles identifiées dans l’emploi du "
                        "temps ? Ont-elles lieu toutes les semaines, tous les quinze jours ou sont-elles globalisées "
                        "sur l’année (ou encore organisées sous forme de modules thématiques) ?",
                        "Précisez par niveau si besoin.",
                        FREQUENCES,
                    ),
                    (
                        "org-nom",
                        "texte",
                        "Comment le dispositif est-il nommé dans l’emploi du temps ?",
                        "",
                        [],
                    ),
                    (
                        "org-lieux",
                        "texte",
                        "Dans quels lieux se déroulent les séances : en salle de classe ? au CDI ? dans un tiers lieu "
                        "(dans un autre EPLE, en CFA, en entreprise, en Mission Locale, etc.) ?",
                        "",
                        [],
                    ),
                    (
                        "org-groupes",
                        "choix",
                        "Les séances sont-elles organisées en groupe ou en classe entière ?",
                        "",
                        GROUPES,
                    ),
                    (
                        "org-referent",
                        "texte",
                        "Existe-t-il un référent désigné pour la coordination ? Quel est son rôle ? D’autres "
                        "personnes ressources sont-elles identifiées ? Quelle est la place du Psy-EN et/ou du CPE "
                        "(dans le pilotage, l’accompagnement, l’expertise) ?",
                        "",
                        [],
                    ),
                    (
                        "org-conseil-pedagogique",
                        "texte",
                        "Quel rôle le conseil pédagogique joue-t-il dans l’organisation du dispositif ?",
                        "",
                        [],
                    ),
                    (
                        "org-groupe-travail",
                        "oui_non",
                        "Un conseil spécifique ou un groupe de travail lié à cette thématique existe-t-il ?",
                        "",
                        [],
                    ),
                    (
                        "org-progressions",
                        "texte",
                        "Comment sont définis les progressions et les contenus des heures dédiées à l’orientation, "
                        "par niveau et sur l’ensemble du cycle ?",
                        "",
                        [],
                    ),
                    (
                        "org-formations",
                        "texte",
                        "Les enseignants ont-ils bénéficié de formations ? Quelles sont les formations "
                        "complémentaires à prévoir ?",
                        "",
                        [],
                    ),
                    (
                        "org-actions-specifiques",
                        "texte",
                        "Des actions spécifiques à l’orientation ont-elles été mises en place (Kiosque Onisep, "
                        "semaines de l’orientation, forum, etc.) ?",
                        "",
                        [],
                    ),
                    (
                        "org-conseil-classe",
                        "texte",
                        "Le choix de l’orientation, et notamment le choix du parcours en classe de terminale de "
                        "baccalauréat professionnel, est-il abordé en conseil de classe ? À quel moment ? Comment "
                        "l’élève est accompagné dans son parcours tout au long de sa scolarité ?",
                        "",
                        [],
                    ),
                ],
            ),
            (
                "Diagnostic-bilan de l’élève et suivi du projet",
                "Pour un questionnement détaillé sur le parcours personnalisé en classe de terminale Baccalauréat "
                "professionnel, voir la fiche 1.20 « Le parcours personnalisé en terminale baccalauréat "
                "professionnel ».",
                [
                    (
                        "diag-bilan",
                        "texte",
                        "Quand, avec quels outils et par qui est dressé le diagnostic-bilan de l’élève "
                        "(positionnement des compétences disciplinaires, professionnelles, transversales et "
                        "psychosociales vis-à-vis de son projet) ?",
                        "",
                        [],
                    ),
                    (
                        "diag-competences",
                        "texte",
                        "Comment est favorisé le développement des compétences nécessaires et manquantes pour rendre "
                        "réalisable le projet de l’élève ? Quelles actions pédagogiques sont mises en œuvre pour "
                        "accompagner le passage vers le futur statut de l’élève (étudiant ou jeune actif) ?",
                        "",
                        [],
                    ),
                    (
                        "diag-groupes-besoins",
                        "oui_non",
                        "Des groupes de besoins ou de compétences sont-ils créés ?",
                        "",
                        [],
                    ),
                    (
                        "diag-suivi",
                        "texte",
                        "Comment est organisé le suivi de l’élève ? Y-a-t-il un référent pour l’élève tout au long "
                        "de son cursus ou un changement chaque année ?",
                        "",
                        [],
                    ),
                    (
                        "diag-tutorat",
                        "oui_non",
                        "Y-a-t-il un tutorat mis en place pour les élèves ? Si oui, avec quels tuteurs (élèves de "
                        "classe supérieure, enseignants, professionnels…) ?",
                        "",
                        [],
                    ),
                ],
            ),
            (
                "Exemples d’outils et d’indicateurs de suivi",
                "Les indicateurs chiffrés (taux d’insertion, de poursuite d’études, de réussite…) se saisissent ou "
                "s’importent dans le tableau des indicateurs de l’établissement.",
                [
                    (
                        "outils-positionnement",
                        "texte",
                        "Outils de positionnement et de suivi (relevé de compétences, Folios, etc.)",
                        "Quels outils sont utilisés, à quels niveaux ?",
                        [],
                    ),
                    (
                        "outils-enquetes",
                        "texte",
                        "Enquêtes de satisfaction auprès des élèves / entretiens",
                        "Lesquelles sont menées, et quand ?",
                        [],
                    ),
                    ("outils-partenaires", "nombre", "Nombre de partenaires extérieurs", "", []),
                ],
            ),
        ],
    },
    {
        "code": "inventaire-des-actions",
        "title": "Questionnaire inventaire des actions mises en œuvre destiné aux équipes éducatives",
        "audience": "equipes",
        "intro": CONTEXTE,
        "sections": [
            (
                "Acteurs – Actions – Moyens – Temps : insertion professionnelle",
                "",
                [
                    (
                        "ins-jeune-actif",
                        "texte",
                        "Quelles démarches d’accompagnement pour un passage au statut de jeune actif sont "
                        "envisagées ?",
                        "",
                        [],
                    ),
                    (
                        "ins-recherche-emploi",
                        "texte",
                        "Comment les techniques de recherche d’emploi sont-elles présentées aux élèves ?",
                        "",
                        [],
                    ),
                    (
                        "ins-environnement",
                        "texte",
                        "Comment l’élève prend connaissance de son environnement économique et professionnel ainsi "
                        "que du marché de l’emploi ?",
                        "",
                        [],
                    ),
                    (
                        "ins-vie-active",
                        "oui_non",
                        "Les différents thèmes concernant l’entrée dans la vie active sont-ils abordés avec les "
                        "élèves (droit du travail, assurance maladie, …) ?",
                        "",
                        [],
                    ),
                    (
                        "ins-entreprises",
                        "texte",
                        "De quelle façon les entreprises ou professionnels du secteur géographique et/ou du secteur "
                        "professionnel sont-ils associés ?",
                        "",
                        [],
                    ),
                    (
                        "ins-france-travail",
                        "texte",
                        "Comment le partenariat avec France Travail et les missions locales est-il mis en œuvre au "
                        "sein de l’établissement (dispositif Avenir pro) ?",
                        "",
                        [],
                    ),
                    (
                        "ins-acteurs-institutionnels",
                        "texte",
                        "Comment les autres acteurs institutionnels de l’insertion sont-ils associés (CCI, CMA, "
                        "branches professionnelles, etc.) ?",
                        "",
                        [],
                    ),
                    (
                        "ins-mentorat",
                        "oui_non",
                        "Un mentorat par les anciens élèves de l’établissement déjà inséré professionnellement est-il "
                        "envisagé ? Si oui, quels dispositifs de mentorat sont proposés ? Comment les anciens élèves "
                        "de l’établissement sont-ils mobilisés dans le cadre des heures dédiées à l’orientation ou en "
                        "complément (mentorat) ?",
                        MENTORAT,
                        [],
                    ),
                ],
            ),
            (
                "Acteurs – Actions – Moyens – Temps : poursuite d’études",
                "",
                [
                    (
                        "pe-cap",
                        "texte",
                        "Les différentes possibilités de poursuite d’études sont-elles présentées aux élèves de "
                        "CAP ? Quel accompagnement leur est proposé pour faciliter les liaisons ?",
                        "",
                        [],
                    ),
                    (
                        "pe-statut-etudiant",
                        "texte",
                        "Comment les élèves sont-ils informés au sujet du statut d’étudiant (droits spécifiques, "
                        "aides, démarches…) ?",
                        "",
                        [],
                    ),
                    (
                        "pe-passage-etudiant",
                        "texte",
                        "Pour les élèves qui envisagent des études supérieures, quel accompagnement est proposé pour "
                        "le passage au statut d’étudiant ?",
                        "",
                        [],
                    ),
                    (
                        "pe-parcoursup",
                        "texte",
                        "Comment est organisé l’accompagnement de la procédure Parcoursup ?",
                        "",
                        [],
                    ),
                    (
                        "pe-affectation",
                        "texte",
                        "Quel accompagnement dans les procédures d’affectation et d’admission est proposé ?",
                        "",
                        [],
                    ),
                    (
                        "pe-avis-bts",
                        "texte",
                        "Comment l’avis du conseil de classe de terminale de baccalauréat professionnel pour le BTS "
                        "est-t-il travaillé en équipe pédagogique et avec les élèves ?",
                        "",
                        [],
                    ),
                    (
                        "pe-cordees",
                        "oui_non",
                        "Les cordées de la réussite sont-elles mobilisées et de quelle façon ?",
                        "",
                        [],
                    ),
                    (
                        "pe-consolidation-bts",
                        "oui_non",
                        "Le parcours de consolidation en BTS est-il anticipé auprès des élèves de terminale bac "
                        "pro ? De quelle façon ?",
                        "",
                        [],
                    ),
                    (
                        "pe-mentorat",
                        "oui_non",
                        "Un mentorat par les anciens élèves de l’établissement déjà en études est-il envisagé ? Si "
                        "oui, quels dispositifs de mentorat sont proposés ? Comment les anciens élèves de "
                        "l’établissement sont-ils mobilisés dans le cadre des heures dédiées à l’orientation ou en "
                        "complément (mentorat) ?",
                        MENTORAT,
                        [],
                    ),
                ],
            ),
            (
                "Inventaire des actions mises en œuvre",
                "Listez les actions d’orientation déjà menées : la direction pourra reprendre chacune dans le plan.",
                [
                    (
                        "inv-actions",
                        "actions",
                        "Quelles actions d’orientation menez-vous déjà ?",
                        "Pour chacune : intitulé, niveaux concernés, axe s’il est connu, partenaires et période.",
                        [],
                    ),
                ],
            ),
        ],
    },
]


def questionnaires_load(*, Questionnaire, Section, Question) -> None:
    """Creates or updates the questionnaires; the model classes are given so that migrations can call it."""
    for order, data in enumerate(QUESTIONNAIRES, start=1):
        questionnaire, _ = Questionnaire.objects.update_or_create(
            code=data["code"],
            defaults={"title": data["title"], "audience": data["audience"], "intro": data["intro"], "order": order},
        )
        for s_order, (title, intro, questions) in enumerate(data["sections"], start=1):
            section, _ = Section.objects.update_or_create(
                questionnaire=questionnaire, order=s_order, defaults={"title": title, "intro": intro}
            )
            for q_order, (code, kind, text, help_text, choices) in enumerate(questions, start=1):
                Question.objects.update_or_create(
                    code=code,
                    defaults={
                        "section": section,
                        "kind": kind,
                        "text": text,
                        "help_text": help_text,
                        "choices": choices,
                        "order": q_order,
                    },
                )
