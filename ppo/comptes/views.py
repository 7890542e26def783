from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required, login_required
from django.http import HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.decorators import method_decorator
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from ppo.comptes import services
from ppo.comptes.forms import (
    LoginForm,
    PPOPasswordResetForm,
    PPOSetPasswordForm,
    PreferencesForm,
    SwitchMembershipForm,
)
from ppo.comptes.middleware import SESSION_KEY
from ppo.comptes.perms import active_memberships


class LoginView(auth_views.LoginView):
    form_class = LoginForm
    template_name = "comptes/login.html"
    redirect_authenticated_user = True
    extra_context = {"title": "Se connecter"}


# Public like Django's login and password reset views: a visitor whose session has expired who clicks « Se
# déconnecter » lands on the home page, not on the login page.
@method_decorator(login_not_required, name="dispatch")
class LogoutView(auth_views.LogoutView):
    pass


class PasswordResetView(auth_views.PasswordResetView):
    form_class = PPOPasswordResetForm
    template_name = "comptes/password_reset.html"
    email_template_name = "comptes/emails/password_reset.txt"
    subject_template_name = "comptes/emails/password_reset_subject.txt"
    success_url = reverse_lazy("comptes:password_reset_done")
    extra_context = {"title": "Mot de passe oublié"}


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "comptes/password_reset_done.html"
    extra_context = {"title": "Courriel envoyé"}


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    form_class = PPOSetPasswordForm
    template_name = "comptes/password_reset_confirm.html"
    success_url = reverse_lazy("comptes:password_reset_complete")
    extra_context = {"title": "Nouveau mot de passe"}

    def form_valid(self, form):
        response = super().form_valid(form)
        services.login_lockout_clear(user=form.user)
        return response


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "comptes/password_reset_complete.html"
    extra_context = {"title": "Mot de passe modifié"}


@login_required
def account(request):
    if request.method == "POST":
        form = PreferencesForm(request.POST)
        if form.is_valid():
            services.user_set_preferences(user=request.user, **form.cleaned_data)
            messages.success(request, "Vos préférences sont enregistrées.")
            return redirect("comptes:account")
    else:
        form = PreferencesForm(initial={"receives_reminders": request.user.receives_reminders})
    return render(
        request,
        "comptes/account.html",
        {"title": "Mon compte", "memberships": active_memberships(request.user), "preferences_form": form},
    )


@login_required
@require_POST
def switch_membership(request):
    form = SwitchMembershipForm(request.POST)
    if not form.is_valid():
        return HttpResponseBadRequest("Rattachement inconnu.")
    wanted = form.cleaned_data["membership"]
    membership = next((m for m in active_memberships(request.user) if m.pk == wanted), None)
    if membership is None:
        messages.error(request, "Ce rattachement n’existe pas ou n’est pas le vôtre.")
        return redirect("portail:tableau_de_bord")
    request.session[SESSION_KEY] = membership.pk
    messages.success(request, f"Vous travaillez maintenant en tant que : {membership}.")
    next_url = request.POST.get("next", "")
    if next_url and url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
        return redirect(next_url)
    return redirect("portail:tableau_de_bord")
