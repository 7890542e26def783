"""Query filters of the lists (django-filter): académie, kind, status, updated since…, documented in the schema."""

import datetime

import django_filters as filters
from rest_framework.exceptions import ValidationError

from ppo.campagnes.models import TempsFort
from ppo.partenaires.models import Offre
from ppo.plans.enums import StatutProgramme
from ppo.plans.models import Action, ProgrammeAnnuel
from ppo.referentiel.enums import TypeEtablissement
from ppo.referentiel.models import Etablissement


class UpdatedSinceFilter(filters.IsoDateTimeFilter):
    """« Modifié depuis » : any ISO 8601 offset is accepted, and compared in UTC (PostgreSQL refuses offsets beyond
    ±15:59, a date with such an offset must not reach it)."""

    def filter(self, qs, value):
        if value is not None:
            try:
                value = value.astimezone(datetime.UTC)
            except OverflowError:
                raise ValidationError({self.field_name: ["Date hors des limites admises."]}) from None
        return super().filter(qs, value)


class EtablissementFilter(filters.FilterSet):
    academie = filters.CharFilter(field_name="academie__code", help_text="Code de l’académie (70 pour Normandie).")
    type = filters.ChoiceFilter(
        field_name="kind", choices=TypeEtablissement.choices, help_text="Type d’établissement."
    )
    uai = filters.CharFilter(field_name="uai", lookup_expr="iexact", help_text="UAI de l’établissement.")
    departement = filters.CharFilter(field_name="departement__code", help_text="Code du département (014).")

    class Meta:
        model = Etablissement
        fields = []


class ProgrammeFilter(filters.FilterSet):
    academie = filters.CharFilter(field_name="ppo__etablissement__academie__code", help_text="Code de l’académie.")
    type = filters.ChoiceFilter(
        field_name="ppo__etablissement__kind", choices=TypeEtablissement.choices, help_text="Type d’établissement."
    )
    uai = filters.CharFilter(field_name="ppo__etablissement__uai", lookup_expr="iexact", help_text="UAI.")
    annee = filters.NumberFilter(field_name="year", help_text="Année scolaire (2026 pour 2026-2027).")
    modifie_depuis = UpdatedSinceFilter(
        field_name="updated_at", lookup_expr="gte", help_text="Modifiés depuis (ISO 8601)."
    )

    class Meta:
        model = ProgrammeAnnuel
        fields = []


class ProgrammeSuiviFilter(ProgrammeFilter):
    statut = filters.ChoiceFilter(field_name="status", choices=StatutProgramme.choices, help_text="Statut.")


class ActionFilter(filters.FilterSet):
    academie = filters.CharFilter(
        field_name="programme__ppo__etablissement__academie__code", help_text="Code de l’académie."
    )
    type_etablissement = filters.ChoiceFilter(
        field_name="programme__ppo__etablissement__kind", choices=TypeEtablissement.choices
    )
    uai = filters.CharFilter(field_name="programme__ppo__etablissement__uai", lookup_expr="iexact")
    annee = filters.NumberFilter(field_name="programme__year", help_text="Année scolaire (2026 pour 2026-2027).")
    niveau = filters.CharFilter(field_name="niveaux__code", distinct=True, help_text="Code du niveau (3e, 2nde…).")
    axe = filters.NumberFilter(field_name="axe__number", help_text="Numéro de l’axe (1 à 3).")
    modifie_depuis = UpdatedSinceFilter(field_name="updated_at", lookup_expr="gte")

    class Meta:
        model = Action
        fields = []


class TempsFortFilter(filters.FilterSet):
    academie = filters.CharFilter(field_name="campagne__academie__code", help_text="Code de l’académie.")
    annee = filters.NumberFilter(field_name="campagne__year", help_text="Année scolaire.")

    class Meta:
        model = TempsFort
        fields = []


class OffreFilter(filters.FilterSet):
    academie = filters.CharFilter(field_name="academie__code", help_text="Code de l’académie.")
    niveau = filters.CharFilter(field_name="niveaux__code", distinct=True, help_text="Code du niveau.")
    modifiee_depuis = UpdatedSinceFilter(field_name="updated_at", lookup_expr="gte")

    class Meta:
        model = Offre
        fields = []
