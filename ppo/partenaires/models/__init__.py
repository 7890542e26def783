from ppo.partenaires.models.ambassadeurs import Ambassadeur, DemandeIntervention, RetourIntervention
from ppo.partenaires.models.metiers import Metier, Secteur
from ppo.partenaires.models.offres import ActionOffre, Offre
from ppo.partenaires.models.structure import Structure

__all__ = [
    "ActionOffre",
    "Ambassadeur",
    "DemandeIntervention",
    "Metier",
    "Offre",
    "RetourIntervention",
    "Secteur",
    "Structure",
]
