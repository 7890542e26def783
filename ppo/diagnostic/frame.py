"""The indicators known to the platform: those of seed 001 and those of the DEPP open-data files.

Loaded by the data migration `0002_indicateurs`; the administration may add more.
Each row: code, label, unit, category, usual source, scope label, definition.
"""

INSERJEUNES = "InserJeunes (DEPP)"
DNB = "Résultats au DNB par collège (DEPP)"
SPECIALITES = "Effectifs de terminale générale par spécialité (DEPP)"
ETABLISSEMENT = "Établissement"

INDICATEURS = [
    # InserJeunes: voie professionnelle, one value per public (ensemble, apprentis, voie pro scolaire).
    (
        "taux_poursuite_etudes",
        "Taux de poursuite d’études",
        "pourcent",
        "poursuite",
        INSERJEUNES,
        "public",
        "Part des sortants d’une année terminale de CAP ou de bac pro inscrits en formation l’année suivante.",
    ),
    (
        "taux_emploi_6_mois",
        "Taux d’emploi à 6 mois",
        "pourcent",
        "insertion",
        INSERJEUNES,
        "public",
        "Part des sortants qui ne poursuivent pas d’études et sont en emploi salarié six mois après la sortie.",
    ),
    (
        "taux_emploi_attendu",
        "Taux d’emploi attendu à 6 mois",
        "pourcent",
        "insertion",
        INSERJEUNES,
        "public",
        "Taux d’emploi attendu compte tenu des élèves et du territoire de l’établissement.",
    ),
    (
        "valeur_ajoutee_emploi",
        "Valeur ajoutée du taux d’emploi",
        "points",
        "insertion",
        INSERJEUNES,
        "public",
        "Écart entre le taux d’emploi constaté et le taux d’emploi attendu.",
    ),
    (
        "part_emploi_6_mois",
        "Part en emploi 6 mois après la sortie",
        "pourcent",
        "insertion",
        INSERJEUNES,
        "public",
        "Part de l’ensemble des sortants en emploi six mois après la sortie.",
    ),
    (
        "part_autres_situations",
        "Part des autres situations",
        "pourcent",
        "insertion",
        INSERJEUNES,
        "public",
        "Ni en formation ni en emploi salarié six mois après la sortie.",
    ),
    # DNB: collèges.
    ("taux_reussite_dnb", "Taux de réussite au DNB", "pourcent", "reussite", DNB, "", ""),
    ("effectif_eleves", "Effectif d’élèves", "effectif", "effectifs", DNB, "", ""),
    ("effectif_filles", "Effectif de filles", "effectif", "mixite", DNB, "", "De la 6e à la 3e."),
    ("effectif_garcons", "Effectif de garçons", "effectif", "mixite", DNB, "", "De la 6e à la 3e."),
    ("ips", "Indice de position sociale", "indice", "effectifs", DNB, "", ""),
    # Spécialités: mixity of seed 002 (30 % target).
    (
        "part_filles_terminale_generale",
        "Part de filles en terminale générale",
        "pourcent",
        "mixite",
        SPECIALITES,
        "",
        "",
    ),
    (
        "part_filles_specialite",
        "Part de filles par spécialité",
        "pourcent",
        "mixite",
        SPECIALITES,
        "spécialité",
        "Part de filles parmi les élèves de terminale générale qui suivent la spécialité (cible académique : 30 % "
        "au moins dans les spécialités où un sexe est minoritaire).",
    ),
    # Seed 001, « Exemples d’outils et d’indicateurs de suivi ».
    ("nombre_partenaires", "Nombre de partenaires extérieurs", "nombre", "pilotage", ETABLISSEMENT, "", ""),
    (
        "lien_preconisations_choix",
        "Part des choix d’orientation conformes aux préconisations du conseil de classe",
        "pourcent",
        "parcours",
        ETABLISSEMENT,
        "",
        "Lien entre les préconisations du conseil de classe et le choix d’orientation de l’élève.",
    ),
    (
        "changements_parcours_terminale",
        "Part d’élèves changeant de parcours à la fin de la terminale",
        "pourcent",
        "parcours",
        ETABLISSEMENT,
        "",
        "Évaluation des changements de parcours à la fin de l’année de terminale.",
    ),
    (
        "situation_conforme_parcours",
        "Part d’élèves dont la situation à la rentrée suivante correspond au parcours choisi",
        "pourcent",
        "parcours",
        ETABLISSEMENT,
        "",
        "Lien entre le parcours choisi par l’élève et sa situation à la rentrée suivante (poursuite d’études ou "
        "insertion professionnelle).",
    ),
    (
        "taux_insertion_n1",
        "Taux d’insertion professionnelle à N+1",
        "pourcent",
        "insertion",
        ETABLISSEMENT,
        "diplôme",
        "Post-CAP et post-bac pro.",
    ),
    (
        "taux_poursuite_post_diplome",
        "Taux de poursuite d’études après le diplôme",
        "pourcent",
        "poursuite",
        ETABLISSEMENT,
        "diplôme",
        "Post-CAP et post-bac.",
    ),
    (
        "taux_reussite_poursuite",
        "Taux de réussite après poursuite d’études",
        "pourcent",
        "reussite",
        ETABLISSEMENT,
        "parcours",
        "Réussite des CAP au bac pro et des bacheliers professionnels au BTS.",
    ),
    ("taux_cap_duree", "Taux d’élèves en CAP 1, 2 et 3 ans", "pourcent", "parcours", ETABLISSEMENT, "durée", ""),
    (
        "taux_tle_consolidation_bts",
        "Taux d’élèves de terminale bac pro bénéficiant d’actions liées au parcours de consolidation en BTS",
        "pourcent",
        "poursuite",
        ETABLISSEMENT,
        "",
        "Cible : 100 %.",
    ),
    (
        "taux_etudiants_consolidation_bts",
        "Taux d’étudiants issus de la voie professionnelle inscrits en parcours de consolidation en BTS",
        "pourcent",
        "poursuite",
        ETABLISSEMENT,
        "",
        "",
    ),
    ("taux_decrochage_bts", "Taux de décrochage en BTS", "pourcent", "poursuite", ETABLISSEMENT, "", ""),
    (
        "taux_passage_2e_annee_bts",
        "Taux de passage en 2e année de BTS",
        "pourcent",
        "poursuite",
        ETABLISSEMENT,
        "",
        "",
    ),
    (
        "satisfaction_eleves",
        "Part d’élèves satisfaits de l’accompagnement à l’orientation",
        "pourcent",
        "pilotage",
        ETABLISSEMENT,
        "",
        "Enquêtes de satisfaction auprès des élèves, entretiens.",
    ),
]

# Issue 12: the DEPP formats of a lycée's and a collège's diagnostic, loaded by `0005_indicateurs_formats_publies`.
SPECIALITES_PREMIERE = "Effectifs de première générale par spécialité et triplette (DEPP)"
EFFECTIFS_LYCEE = "Effectifs par niveau et sexe des lycées (DEPP)"
IVAC = "Indicateurs de valeur ajoutée des collèges (DEPP)"
IPS_COLLEGES = "IPS des collèges (DEPP)"

INDICATEURS_FORMATS_PUBLIES = [
    (
        "part_filles_premiere_generale",
        "Part de filles en première générale",
        "pourcent",
        "mixite",
        SPECIALITES_PREMIERE,
        "",
        "",
    ),
    (
        "part_filles_specialite_premiere",
        "Part de filles par spécialité en première générale",
        "pourcent",
        "mixite",
        SPECIALITES_PREMIERE,
        "spécialité",
        "Part de filles parmi les élèves de première générale qui suivent la spécialité.",
    ),
    (
        "part_filles_triplette_premiere",
        "Part de filles par triplette de spécialités en première générale",
        "pourcent",
        "mixite",
        SPECIALITES_PREMIERE,
        "triplette",
        "Les triplettes de spécialités les plus suivies, publiées par la DEPP.",
    ),
    (
        "part_filles_niveau",
        "Part de filles par niveau",
        "pourcent",
        "mixite",
        EFFECTIFS_LYCEE,
        "niveau",
        "Part de filles parmi les élèves du niveau (2de, 1re, terminale, par voie et série).",
    ),
    (
        "valeur_ajoutee_dnb",
        "Valeur ajoutée du taux de réussite au DNB",
        "points",
        "reussite",
        IVAC,
        "",
        "Écart entre le taux de réussite constaté et le taux attendu compte tenu des élèves du collège.",
    ),
    ("note_ecrit_dnb", "Note moyenne aux épreuves écrites du DNB", "nombre", "reussite", IVAC, "", "Sur 20."),
    (
        "taux_acces_6e_3e",
        "Taux d’accès de la 6e à la 3e",
        "pourcent",
        "parcours",
        IVAC,
        "",
        "Probabilité pour un élève de 6e d’atteindre la 3e dans le collège.",
    ),
    (
        "ecart_type_ips",
        "Écart-type de l’IPS",
        "indice",
        "effectifs",
        IPS_COLLEGES,
        "",
        "Dispersion sociale des élèves.",
    ),
]
