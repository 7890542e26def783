"""The académie's analysis: what the dashboard and the map need of their own."""

from django.db import models


class ContourAcademie(models.Model):
    """A simplified outline of an académie, for the map (imported by `import_contours_academies`)."""

    academie = models.OneToOneField(
        "referentiel.Academie", verbose_name="académie", on_delete=models.CASCADE, related_name="contour"
    )
    rings = models.JSONField("contours", help_text="Liste d’anneaux de points [longitude, latitude].")
    min_lon = models.FloatField("longitude minimale")
    max_lon = models.FloatField("longitude maximale")
    min_lat = models.FloatField("latitude minimale")
    max_lat = models.FloatField("latitude maximale")
    updated_at = models.DateTimeField("mis à jour le", auto_now=True)

    class Meta:
        db_table = "campagnes_contouracademie"
        verbose_name = "contour d’académie"
        verbose_name_plural = "contours d’académies"

    def __str__(self):
        return f"Contour — {self.academie}"
