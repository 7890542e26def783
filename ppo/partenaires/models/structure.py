from django.db import models

from ppo.partenaires.enums import TypeStructure


class Structure(models.Model):
    """A partner body: the Région, the orientation agency, a branch, a chamber, a company, an association…"""

    name = models.CharField("nom", max_length=200)
    kind = models.CharField("type", max_length=20, choices=TypeStructure.choices)
    academie = models.ForeignKey(
        "referentiel.Academie",
        verbose_name="académie de rattachement",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="structures",
    )
    description = models.TextField("présentation", blank=True)
    website = models.URLField("site internet", blank=True)
    email = models.EmailField("adresse électronique de contact", blank=True)
    is_moderator = models.BooleanField(
        "modère le catalogue",
        default=False,
        help_text="Une agence de l’orientation peut valider les offres du catalogue, comme l’académie.",
    )
    created_at = models.DateTimeField("créée le", auto_now_add=True)

    class Meta:
        verbose_name = "structure partenaire"
        verbose_name_plural = "structures partenaires"
        ordering = ["name"]

    def __str__(self):
        return self.name
