"""The API's endpoints (`/api/v1/`): public reads without a key, then the académie's and the partner's with a key.

Views stay thin: a queryset in the scope of the caller, a serializer, and for writes the same form and services
as the screens (`partenaires.forms.OffreForm`, `partenaires.services.offres`).
"""

from django.db.models import Exists, OuterRef, Prefetch
from django.forms.models import model_to_dict
from django.shortcuts import get_object_or_404
from django.utils import timezone
from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import exceptions, generics, permissions, serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from ppo.api.enums import ScopeKind
from ppo.api.filters import (
    ActionFilter,
    EtablissementFilter,
    OffreFilter,
    ProgrammeFilter,
    ProgrammeSuiviFilter,
    TempsFortFilter,
)
from ppo.api.models import ApiKey
from ppo.api.serializers import (
    ActionPublic,
    EtablissementPublic,
    OffrePartenaire,
    OffrePublic,
    ProgrammePublic,
    ProgrammePublicDetail,
    ProgrammeSuivi,
    ProgrammeSuiviDetail,
    TempsFortPublic,
)
from ppo.campagnes.models import TempsFort
from ppo.core.spreadsheet import Percent
from ppo.examen.models import Transmission
from ppo.partenaires.forms import OffreForm
from ppo.partenaires.models import Offre, Secteur
from ppo.partenaires.selectors import offres_public
from ppo.partenaires.services.offres import OffreError, offre_create, offre_submit, offre_update
from ppo.pilotage import analysis
from ppo.plans.enums import StatutProgramme
from ppo.plans.family import public_actions_queryset
from ppo.plans.models import Action, Axe, ProgrammeAnnuel
from ppo.referentiel.models import Academie, Etablissement, Niveau

PUBLISHED = StatutProgramme.PUBLIE
FIRST_YEAR, LAST_YEAR = 2000, 2100


class LoggedMixin:
    """Every call made with a key is logged (key, when, method, path, status) by `ApiCallLogMiddleware`."""

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if isinstance(getattr(request, "auth", None), ApiKey):
            request._request.api_key = request.auth
        return response


class HasKey(permissions.BasePermission):
    """A key of one of `view.key_scopes` (académie, bassin, partner body)."""

    message = "Cette adresse demande une clé d’API de son périmètre (en-tête « Authorization: Bearer … »)."

    def has_permission(self, request, view):
        key = request.auth
        if not isinstance(key, ApiKey):
            raise exceptions.NotAuthenticated(self.message)
        return key.scope_kind in view.key_scopes


class PublicList(LoggedMixin, generics.ListAPIView):
    permission_classes = [permissions.AllowAny]


# --- Public -----------------------------------------------------------------------------------------------------


def _published_programmes():
    return ProgrammeAnnuel.objects.filter(status=PUBLISHED)


@extend_schema(tags=["public"], summary="Établissements qui ont un PPO publié")
class EtablissementList(PublicList):
    serializer_class = EtablissementPublic
    filterset_class = EtablissementFilter

    def get_queryset(self):
        published = _published_programmes().filter(ppo__etablissement=OuterRef("pk"))
        return Etablissement.objects.filter(Exists(published)).select_related("academie")


@extend_schema(tags=["public"], summary="Programmes publiés")
class ProgrammeList(PublicList):
    serializer_class = ProgrammePublic
    filterset_class = ProgrammeFilter

    def get_queryset(self):
        return _published_programmes().select_related("ppo__etablissement__academie")


def _public_actions():
    """What the public fields of an action need (`plans.family.public_actions_queryset`), a fixed number of queries."""
    return public_actions_queryset(Action.objects.filter(programme__status=PUBLISHED)).select_related(
        "programme__ppo__etablissement"
    )


@extend_schema(tags=["public"], summary="Un programme publié et ses actions")
class ProgrammeDetail(LoggedMixin, generics.RetrieveAPIView):
    permission_classes = [permissions.AllowAny]
    serializer_class = ProgrammePublicDetail
    lookup_field = "public_id"

    def get_queryset(self):
        return (
            _published_programmes()
            .select_related("ppo__etablissement__academie")
            .prefetch_related(Prefetch("actions", queryset=_public_actions().order_by("axe__number", "order", "pk")))
        )


@extend_schema(tags=["public"], summary="Actions des programmes publiés")
class ActionList(PublicList):
    serializer_class = ActionPublic
    filterset_class = ActionFilter

    def get_queryset(self):
        return _public_actions()


@extend_schema(tags=["public"], summary="Temps forts des académies")
class TempsFortList(PublicList):
    serializer_class = TempsFortPublic
    filterset_class = TempsFortFilter

    def get_queryset(self):
        return TempsFort.objects.select_related("campagne__academie").prefetch_related("niveaux")


@extend_schema(tags=["public"], summary="Offres publiées du catalogue des partenaires")
class OffreList(PublicList):
    serializer_class = OffrePublic
    filterset_class = OffreFilter

    def get_queryset(self):
        return offres_public().select_related("structure", "academie").prefetch_related("niveaux", "axes")


ReferentielSerializer = inline_serializer(
    "Referentiel",
    {
        "niveaux": serializers.ListField(child=serializers.DictField()),
        "axes": serializers.ListField(child=serializers.DictField()),
        "academies": serializers.ListField(child=serializers.DictField()),
        "secteurs": serializers.ListField(child=serializers.DictField()),
    },
)


@extend_schema(
    tags=["public"], summary="Identifiants des niveaux, axes, académies et secteurs", responses=ReferentielSerializer
)
class Referentiel(LoggedMixin, APIView):
    """The ids a partner needs to write an offer (`niveaux`, `axes`, `academie`, `secteurs`)."""

    permission_classes = [permissions.AllowAny]

    def get(self, request):
        return Response(
            {
                "niveaux": list(Niveau.objects.order_by("order").values("id", "code", "label")),
                "axes": list(Axe.objects.order_by("number").values("id", "number", "short_label")),
                "academies": list(Academie.objects.order_by("code").values("id", "code", "name")),
                "secteurs": list(Secteur.objects.order_by("label").values("id", "label")),
            }
        )


# --- Académie and bassin, with a key ----------------------------------------------------------------------------


def _scope_schools(key: ApiKey):
    if key.scope_kind == ScopeKind.ACADEMIE:
        return Etablissement.objects.filter(academie_id=key.academie_id, is_active=True)
    return Etablissement.objects.filter(bassin_id=key.bassin_id, is_active=True)


class SupervisorMixin(LoggedMixin):
    permission_classes = [HasKey]
    key_scopes = (ScopeKind.ACADEMIE, ScopeKind.BASSIN)

    def scoped_programmes(self):
        if getattr(self, "swagger_fake_view", False):
            return ProgrammeAnnuel.objects.none()
        return (
            ProgrammeAnnuel.objects.filter(ppo__etablissement__in=_scope_schools(self.request.auth))
            .select_related("ppo__etablissement__bassin")
            .prefetch_related(Prefetch("transmissions", queryset=Transmission.objects.order_by("created_at", "pk")))
        )


@extend_schema(tags=["académie"], summary="Programmes des établissements du périmètre de la clé, avec leur statut")
class SuiviProgrammeList(SupervisorMixin, generics.ListAPIView):
    serializer_class = ProgrammeSuivi
    filterset_class = ProgrammeSuiviFilter

    def get_queryset(self):
        return self.scoped_programmes()


@extend_schema(tags=["académie"], summary="Un programme du périmètre, avec la copie figée de sa dernière transmission")
class SuiviProgrammeDetail(SupervisorMixin, generics.RetrieveAPIView):
    serializer_class = ProgrammeSuiviDetail

    def get_queryset(self):
        return self.scoped_programmes()


TableSerializer = inline_serializer(
    "TableauDeBord",
    {
        "annee": serializers.IntegerField(),
        "calcule_le": serializers.DateTimeField(),
        "tableaux": serializers.ListField(child=serializers.DictField()),
    },
)


@extend_schema(
    tags=["académie"],
    summary="Les tableaux du tableau de bord du périmètre de la clé",
    parameters=[
        OpenApiParameter(
            "annee",
            {"type": "integer", "minimum": FIRST_YEAR, "maximum": LAST_YEAR},
            description="Année scolaire (2026 pour 2026-2027) ; par défaut la dernière où le périmètre a transmis.",
        )
    ],
    responses=TableSerializer,
)
class TableauDeBord(SupervisorMixin, APIView):
    def get(self, request):
        schools = _scope_schools(request.auth)
        today = timezone.localdate()
        year = _year_param(request, default=analysis.default_year(schools, today=today))
        tables = analysis.dashboard_tables(schools, year=year, today=today)
        return Response(
            {
                "annee": year,
                "calcule_le": timezone.now(),
                "tableaux": [
                    {
                        "code": table.code,
                        "titre": table.caption,
                        "colonnes": table.columns,
                        "lignes": [[_cell_value(cell.value) for cell in row] for row in table.rows],
                        "lignes_texte": [[cell.text for cell in row] for row in table.rows],
                        "note": table.note,
                    }
                    for table in tables
                ],
            }
        )


def _cell_value(value):
    """A figure as JSON: a share is its fraction (0.52), like in the XLSX export; « — » (no figure) is null."""
    if isinstance(value, Percent):
        return value.fraction
    return None if value == "—" else value


def _year_param(request, *, default: int) -> int:
    raw = request.query_params.get("annee")
    if raw in (None, ""):
        return default
    try:
        year = int(raw)
    except ValueError:
        raise exceptions.ValidationError({"annee": ["Indiquez une année scolaire, par exemple 2026."]}) from None
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise exceptions.ValidationError({"annee": [f"L’année doit être comprise entre {FIRST_YEAR} et {LAST_YEAR}."]})
    return year


# --- Partner body, with a key -----------------------------------------------------------------------------------


class PartnerMixin(LoggedMixin):
    permission_classes = [HasKey]
    key_scopes = (ScopeKind.STRUCTURE,)
    serializer_class = OffrePartenaire

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Offre.objects.none()
        return (
            Offre.objects.filter(structure_id=self.request.auth.structure_id)
            .select_related("structure")
            .prefetch_related("niveaux", "axes", "metiers", "secteurs", "departements", "bassins")
        )


def _form_fields(form) -> dict:
    return {name: form.cleaned_data[name] for name in OffreForm.Meta.fields if name in form.cleaned_data}


REFERENCES = ("niveaux", "axes", "metiers", "secteurs", "departements", "bassins", "academie")
MAX_ID = 2**63 - 1


def _ids_ok(value) -> bool:
    """Ids are positive integers a database column can hold (a huge one must not reach the database)."""
    values = value if isinstance(value, list) else [value]
    return all(v is None or (isinstance(v, int) and not isinstance(v, bool) and 0 < v <= MAX_ID) for v in values)


def _validated(data, instance=None) -> OffreForm:
    if not isinstance(data, dict):
        raise exceptions.ValidationError({"non_field_errors": ["Envoyez un objet JSON."]})
    # Like the screen's form for a new offer: a box left out keeps the model's default (free, all year).
    base = {
        f.name: f.default
        for f in Offre._meta.fields
        if f.name in OffreForm.Meta.fields and f.get_internal_type() == "BooleanField"
    }
    if instance is not None:
        base = model_to_dict(instance, fields=OffreForm.Meta.fields)
        base = {k: [o.pk for o in v] if isinstance(v, list) else v for k, v in base.items()}
    unknown = sorted(
        set(data) - set(OffreForm.Meta.fields) - {"id", "status", "statut_libelle", "moderation_reason", "updated_at"}
    )
    if unknown:
        raise exceptions.ValidationError({name: ["Champ inconnu."] for name in unknown})
    bad_ids = {name: ["Identifiant invalide."] for name in REFERENCES if name in data and not _ids_ok(data[name])}
    if bad_ids:
        raise exceptions.ValidationError(bad_ids)
    form = OffreForm(data={**base, **data}, instance=instance)
    if not form.is_valid():
        raise exceptions.ValidationError({k: [str(e) for e in v] for k, v in form.errors.items()})
    return form


@extend_schema(tags=["partenaire"])
class PartnerOffreList(PartnerMixin, generics.ListCreateAPIView):
    """Les offres de la structure de la clé (tous statuts) ; `POST` crée un brouillon."""

    def create(self, request, *args, **kwargs):
        form = _validated(request.data)
        try:
            offre = offre_create(
                structure=request.auth.structure, user=request.auth.created_by, fields=_form_fields(form)
            )
        except OffreError as exc:
            raise exceptions.ValidationError({"non_field_errors": [str(exc)]}) from None
        return Response(self.get_serializer(self.get_queryset().get(pk=offre.pk)).data, status=201)


@extend_schema(tags=["partenaire"])
class PartnerOffreDetail(PartnerMixin, generics.RetrieveUpdateAPIView):
    """Une offre de la structure de la clé ; `PATCH` la modifie (une offre validée repart en modération)."""

    http_method_names = ["get", "patch", "head", "options"]

    def partial_update(self, request, *args, **kwargs):
        offre = self.get_object()
        form = _validated(request.data, instance=offre)
        try:
            offre_update(offre=offre, user=request.auth.created_by, fields=_form_fields(form))
        except OffreError as exc:
            raise exceptions.ValidationError({"non_field_errors": [str(exc)]}) from None
        return Response(self.get_serializer(self.get_queryset().get(pk=offre.pk)).data)


@extend_schema(tags=["partenaire"], request=None, summary="Soumet l’offre à la modération")
class PartnerOffreSubmit(PartnerMixin, APIView):
    def post(self, request, pk):
        offre = get_object_or_404(self.get_queryset(), pk=pk)
        try:
            offre_submit(offre=offre, user=request.auth.created_by)
        except OffreError as exc:
            raise exceptions.ValidationError({"non_field_errors": [str(exc)]}) from None
        return Response(OffrePartenaire(self.get_queryset().get(pk=offre.pk)).data)


@extend_schema(exclude=True)
class NotFound(APIView):
    """Any other address under /api/v1/: a 404 in problem details, like every other error of the API."""

    permission_classes = [permissions.AllowAny]

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        raise exceptions.NotFound("Aucune ressource de l’API à cette adresse.")

    def get(self, request, *args, **kwargs):  # pragma: no cover - `initial` always raises
        raise exceptions.NotFound()

    post = put = patch = delete = get
