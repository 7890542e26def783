from django.urls import path

from ppo.partenaires.views import ambassadeurs, catalogue, demandes, partenaires

app_name = "partenaires"

urlpatterns = [
    # Catalogue (public) and adding an offer to a PPO.
    path("catalogue/", catalogue.catalogue, name="catalogue"),
    path("catalogue/offres/<int:pk>/", catalogue.offre_detail, name="offre_detail"),
    path("catalogue/offres/<int:pk>/ajouter-au-ppo/", catalogue.offre_add_to_ppo, name="offre_add_to_ppo"),
    # Partners and moderators.
    path("catalogue/mes-offres/", partenaires.mes_offres, name="mes_offres"),
    path("catalogue/offres/nouvelle/", partenaires.offre_create_view, name="offre_create"),
    path("catalogue/offres/<int:pk>/modifier/", partenaires.offre_edit, name="offre_edit"),
    path("catalogue/offres/<int:pk>/soumettre/", partenaires.offre_submit_view, name="offre_submit"),
    path("catalogue/offres/<int:pk>/confirmer/", partenaires.offre_confirm_view, name="offre_confirm"),
    path("catalogue/moderation/", partenaires.moderation, name="moderation"),
    path("catalogue/offres/<int:pk>/moderer/", partenaires.offre_moderate_view, name="offre_moderate"),
    # Ambassadeurs métiers.
    path("ambassadeurs/", ambassadeurs.ambassadeurs, name="ambassadeurs"),
    path("ambassadeurs/<int:pk>/", ambassadeurs.ambassadeur_detail, name="ambassadeur_detail"),
    path("ambassadeurs/<int:pk>/demander/", ambassadeurs.demande_create_view, name="demande_create"),
    path("ambassadeurs/mon-profil/", ambassadeurs.mon_profil, name="mon_profil"),
    path("ambassadeurs/mon-profil/pause/", ambassadeurs.mon_profil_pause, name="mon_profil_pause"),
    # Requests and their workflow.
    path("ambassadeurs/demandes/", demandes.demandes, name="demandes"),
    path("ambassadeurs/demandes/<int:pk>/", demandes.demande_detail, name="demande_detail"),
    path("ambassadeurs/demandes/<int:pk>/accepter/", demandes.demande_accept_view, name="demande_accept"),
    path("ambassadeurs/demandes/<int:pk>/decliner/", demandes.demande_decline_view, name="demande_decline"),
    path("ambassadeurs/demandes/<int:pk>/planifier/", demandes.demande_schedule_view, name="demande_schedule"),
    path("ambassadeurs/demandes/<int:pk>/realisee/", demandes.demande_done_view, name="demande_done"),
    path("ambassadeurs/demandes/<int:pk>/retour/", demandes.demande_feedback_view, name="demande_feedback"),
]
