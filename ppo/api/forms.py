from django import forms
from dsfr.forms import DsfrBaseForm

from ppo.api import perms


class ApiKeyForm(DsfrBaseForm):
    name = forms.CharField(
        label="Nom de la clé",
        max_length=100,
        help_text="Le service qui l’utilisera, pour vous y retrouver : « ARENA », « portail de la Région »…",
    )
    scope = forms.ChoiceField(
        label="Périmètre", help_text="La clé lit (et pour un partenaire, écrit) dans ce périmètre."
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.targets = {f"{kind}:{target.pk}": (kind, target) for kind, target in perms.manageable_scopes(user)}
        self.fields["scope"].choices = [
            (value, f"{kind.label} : {target}") for value, (kind, target) in self.targets.items()
        ]
        if len(self.targets) == 1:
            self.fields["scope"].initial = next(iter(self.targets))

    def clean_scope(self):
        return self.targets[self.cleaned_data["scope"]]
