from django import forms
from dsfr.forms import DsfrBaseForm

from ppo.examen.enums import Decision


class TransmissionConfirmForm(DsfrBaseForm):
    """The confirmation of a transmission; with open points, why the school transmits anyway."""

    justification = forms.CharField(
        label="Pourquoi transmettre avec des points ouverts ?",
        help_text="Quelques mots pour l’académie, par exemple : « les actions de terminale seront précisées avec "
        "le lycée partenaire en janvier ». Elle les lira sur la page d’examen.",
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=1000,
    )

    def __init__(self, *args, open_points: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        # With open points the explanation is asked for (the service refuses without it): not marked optional.
        self.fields["justification"].required = open_points
        self.fields["justification"].error_messages["required"] = (
            "Il reste des points ouverts : complétez-les, ou expliquez en quelques mots pourquoi vous transmettez "
            "maintenant."
        )


class DecisionForm(DsfrBaseForm):
    decision = forms.ChoiceField(label="Décision", choices=Decision.choices, widget=forms.RadioSelect)
    message = forms.CharField(
        label="Message à l’établissement", widget=forms.Textarea(attrs={"rows": 3}), required=False
    )


class CommentaireForm(DsfrBaseForm):
    anchor = forms.ChoiceField(label="Porte sur")
    text = forms.CharField(label="Commentaire", widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, anchors, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["anchor"].choices = anchors


class ReponseForm(DsfrBaseForm):
    text = forms.CharField(label="Votre réponse", widget=forms.Textarea(attrs={"rows": 2}))
