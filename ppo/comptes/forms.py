from django import forms
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm, SetPasswordForm
from dsfr.forms import DsfrBaseForm


class LoginForm(DsfrBaseForm, AuthenticationForm):
    username = forms.EmailField(
        label="Adresse électronique",
        widget=forms.EmailInput(attrs={"autocomplete": "email", "autofocus": True}),
    )
    password = forms.CharField(
        label="Mot de passe", strip=False, widget=forms.PasswordInput(attrs={"autocomplete": "current-password"})
    )
    error_messages = {
        "invalid_login": "Adresse électronique ou mot de passe incorrect.",
        "inactive": "Ce compte est désactivé.",
    }

    def clean_username(self):
        return self.cleaned_data["username"].strip().lower()


class PPOPasswordResetForm(DsfrBaseForm, PasswordResetForm):
    email = forms.EmailField(label="Adresse électronique", widget=forms.EmailInput(attrs={"autocomplete": "email"}))


class PPOSetPasswordForm(DsfrBaseForm, SetPasswordForm):
    pass


class PreferencesForm(DsfrBaseForm):
    receives_reminders = forms.BooleanField(
        label="Recevoir chaque semaine le rappel des actions à renseigner",
        required=False,
        help_text="Un courriel le lundi, seulement quand des actions dont vous êtes responsable attendent leur suivi.",
    )


class SwitchMembershipForm(forms.Form):
    membership = forms.IntegerField(widget=forms.HiddenInput)


TEAM_ROLES = [("redacteur", "Rédacteur — écrit le PPO avec la direction"), ("lecteur", "Lecteur — consulte le PPO")]


class InviteForm(DsfrBaseForm):
    email = forms.EmailField(
        label="Adresse électronique de la personne", widget=forms.EmailInput(attrs={"autocomplete": "off"})
    )
    role = forms.ChoiceField(label="Rôle", choices=TEAM_ROLES, widget=forms.RadioSelect, initial="redacteur")


class JoinForm(DsfrBaseForm):
    code = forms.CharField(
        label="Code de rattachement",
        help_text="Huit caractères donnés par la direction de votre établissement, par exemple ABCD-EFGH.",
        max_length=20,
    )
    role = forms.ChoiceField(label="Rôle demandé", choices=TEAM_ROLES, widget=forms.RadioSelect, initial="redacteur")
