from django.urls import path

from ppo.comptes import team_views, views

app_name = "comptes"

urlpatterns = [
    path("connexion/", views.LoginView.as_view(), name="login"),
    path("deconnexion/", views.LogoutView.as_view(), name="logout"),
    path("mot-de-passe/oublie/", views.PasswordResetView.as_view(), name="password_reset"),
    path("mot-de-passe/envoye/", views.PasswordResetDoneView.as_view(), name="password_reset_done"),
    path(
        "mot-de-passe/nouveau/<uidb64>/<token>/",
        views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path("mot-de-passe/modifie/", views.PasswordResetCompleteView.as_view(), name="password_reset_complete"),
    path("mon-compte/", views.account, name="account"),
    path("changer-de-role/", views.switch_membership, name="switch_membership"),
    path("rejoindre/", team_views.join, name="join"),
    path("equipe/<str:uai>/", team_views.team, name="team"),
    path("equipe/<str:uai>/ajouter/", team_views.team_invite, name="team_invite"),
    path("equipe/<str:uai>/code/", team_views.team_code, name="team_code"),
    path("equipe/<str:uai>/rattachements/<int:pk>/retirer/", team_views.team_deactivate, name="team_deactivate"),
    path("equipe/<str:uai>/demandes/<int:pk>/confirmer/", team_views.team_confirm, name="team_confirm"),
    path("equipe/<str:uai>/demandes/<int:pk>/refuser/", team_views.team_refuse, name="team_refuse"),
]
