"""Text of the official template that is instruction, not content: the importer skips it silently."""

from ppo.documents import wording
from ppo.documents.textnorm import norm

# Sentences of the official template (seed 000) that are instructions, not content.
BOILERPLATE = {
    norm(text)
    for text in [
        wording.TITLE,
        wording.NO_OBJECTIFS,
        wording.NO_AXES,
        wording.NO_TRAINING,
        wording.NO_EVENTS,
        "À partir des indicateurs pertinents de l’établissement. (Des outils diagnostics sont disponibles en "
        "téléchargement)",
        "Se référer à la « fiche établissement » réalisée par la DESP,",
        "Envoyée par la DESP au format pdf semaine 46",
        "Consultable sur le portail ARENA à partir de la semaine 49",
        "La section « Plan Pluriannuel en Orientation » est en cours de construction.",
        "Thématiques à développer, diversification des parcours à améliorer, partenariats à approfondir, "
        "méthodologie à perfectionner, communication interne/externe à renforcer…",
        "La méthode proposée",
        "Organisée en 4 étapes, cette démarche est ajustable selon la configuration de votre établissement et "
        "les actions déjà engagées.",
        "ANALYSER : état des lieux des pratiques",
        "Etablir un diagnostic partagé de l’accompagnement à l’orientation dans votre établissement :",
        "Sur la base d’indicateurs de référence (fiche établissement établie par la DESP)",
        "Du programme d’actions existant",
        "SYNTHÉTISER : mise en perspective du diagnostic",
        "Mettre le diagnostic en perspective avec les objectifs académiques ;",
        "Mobiliser la communauté éducative afin d’élaborer une stratégie d’action ;",
        "Formaliser une progression par étapes sur les quatre années ;",
        "Articuler les actions et les mettre en cohérence ;",
        "Construire les partenariats nécessaires.",
        "FORMALISER : rédaction du PPO",
        "Le PPO est souple et évolutif.",
        "Lors de la phase de rédaction, il conviendra de :",
        "Expliciter et développer les partenariats avec la Région, le monde économique, professionnel et associatif",
        "Prévoir des ajustements en fonction du contexte local et de l'évolution des politiques menées",
        "COMMUNIQUER : diffusion du PPO",
        "Le PPO a vocation à être communiqué à l’ensemble de la communauté éducative, aux élèves, aux familles, à "
        "la Région et aux différents partenaires",
        "Le PPO est à retourner, à l’adresse draio-ppo@ac-normandie.fr en précisant le nom de votre établissement "
        "et votre département dans l’objet du courrier",
    ]
}
