from django.db import models


class Secteur(models.Model):
    """A domain of the ONISEP métiers list (« informatique, internet », « mécanique »…)."""

    label = models.CharField("libellé", max_length=200, unique=True)

    class Meta:
        verbose_name = "secteur"
        verbose_name_plural = "secteurs"
        ordering = ["label"]

    def __str__(self):
        return self.label


class Metier(models.Model):
    """A métier of the ONISEP list, with its ROME codes. Loaded by `manage.py import_metiers_onisep`."""

    onisep_id = models.CharField("identifiant ONISEP", max_length=20, unique=True, help_text="Par exemple MET.782.")
    label = models.CharField("libellé", max_length=300)
    onisep_url = models.URLField("fiche ONISEP", max_length=300)
    rome_codes = models.CharField("codes ROME", max_length=200, blank=True, help_text="Séparés par des espaces.")
    rome_labels = models.TextField("libellés ROME", blank=True)
    subdomains = models.TextField("sous-domaines ONISEP", blank=True)
    secteurs = models.ManyToManyField(Secteur, verbose_name="secteurs", blank=True, related_name="metiers")

    class Meta:
        verbose_name = "métier"
        verbose_name_plural = "métiers"
        ordering = ["label"]

    def __str__(self):
        return self.label

    @property
    def rome_list(self) -> list[str]:
        return self.rome_codes.split()
