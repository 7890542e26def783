"""What the API returns. Public serializers list only fields declared public; nothing internal leaves here."""

from django.urls import reverse
from rest_framework import serializers

from ppo.partenaires.models import Offre
from ppo.plans.family import action_organisations
from ppo.plans.public_fields import public_value


class AcademieRef(serializers.Serializer):
    code = serializers.CharField()
    nom = serializers.CharField(source="name")


class NiveauRef(serializers.Serializer):
    code = serializers.CharField()
    libelle = serializers.CharField(source="label")


class EtablissementPublic(serializers.Serializer):
    uai = serializers.CharField()
    nom = serializers.CharField(source="name")
    type = serializers.CharField(source="kind")
    type_libelle = serializers.CharField(source="get_kind_display")
    secteur = serializers.CharField()
    commune = serializers.CharField()
    academie = AcademieRef()
    page_publique = serializers.SerializerMethodField()

    def get_page_publique(self, obj) -> str:
        return self.context["request"].build_absolute_uri(reverse("plans:public_etablissement", args=[obj.uai]))


class AxeRef(serializers.Serializer):
    numero = serializers.IntegerField(source="number")
    libelle = serializers.CharField(source="short_label")


class ActionPublic(serializers.Serializer):
    id = serializers.IntegerField(source="pk")
    programme = serializers.UUIDField(source="programme.public_id")
    uai = serializers.CharField(source="programme.ppo.etablissement.uai")
    annee_scolaire = serializers.CharField(source="programme.year_label")
    intitule = serializers.CharField(source="title")
    axe = AxeRef()
    niveaux = NiveauRef(many=True)
    periode = serializers.CharField(source="period")
    date_debut = serializers.DateField(source="start_date", allow_null=True)
    date_fin = serializers.DateField(source="end_date", allow_null=True)
    description = serializers.SerializerMethodField(help_text="Le texte écrit pour les familles.")
    organisations = serializers.SerializerMethodField(help_text="Les organisations partenaires.")

    def get_description(self, obj) -> str:
        return public_value(obj, "public_description")

    def get_organisations(self, obj) -> list[str]:
        return list(action_organisations(obj))


class ProgrammePublic(serializers.Serializer):
    id = serializers.UUIDField(source="public_id")
    uai = serializers.CharField(source="ppo.etablissement.uai")
    etablissement = serializers.CharField(source="ppo.etablissement.name")
    academie = serializers.CharField(source="ppo.etablissement.academie.code")
    annee = serializers.IntegerField(source="year")
    annee_scolaire = serializers.CharField(source="year_label")
    modifie_le = serializers.DateTimeField(source="updated_at")
    page_publique = serializers.SerializerMethodField()

    def get_page_publique(self, obj) -> str:
        return self.context["request"].build_absolute_uri(reverse("plans:public_programme", args=[obj.public_id]))


class ProgrammePublicDetail(ProgrammePublic):
    actions = ActionPublic(many=True)


class TempsFortPublic(serializers.Serializer):
    id = serializers.IntegerField(source="pk")
    academie = serializers.CharField(source="campagne.academie.code")
    annee = serializers.IntegerField(source="campagne.year")
    intitule = serializers.CharField(source="label")
    type = serializers.CharField(source="kind")
    type_libelle = serializers.CharField(source="get_kind_display")
    date_debut = serializers.DateField(source="start_date")
    date_fin = serializers.DateField(source="end_date", allow_null=True)
    description = serializers.CharField()
    niveaux = NiveauRef(many=True)


class OffrePublic(serializers.Serializer):
    id = serializers.IntegerField(source="pk")
    structure = serializers.CharField(source="structure.name")
    site_internet = serializers.CharField(source="structure.website")
    intitule = serializers.CharField(source="title")
    description = serializers.CharField()
    type = serializers.CharField(source="kind")
    type_libelle = serializers.CharField(source="get_kind_display")
    academie = serializers.CharField(source="academie.code", allow_null=True)
    niveaux = NiveauRef(many=True)
    axes = AxeRef(many=True)
    toute_l_annee = serializers.BooleanField(source="all_year")
    date_debut = serializers.DateField(source="start_date", allow_null=True)
    date_fin = serializers.DateField(source="end_date", allow_null=True)
    gratuite = serializers.BooleanField(source="is_free")
    accessible = serializers.BooleanField(source="is_accessible")
    modifiee_le = serializers.DateTimeField(source="updated_at")


# --- With a key -------------------------------------------------------------------------------------------------


class ProgrammeSuivi(serializers.Serializer):
    """A programme of the key's scope, as the académie's lists show it."""

    id = serializers.IntegerField(source="pk")
    uai = serializers.CharField(source="ppo.etablissement.uai")
    etablissement = serializers.CharField(source="ppo.etablissement.name")
    type_etablissement = serializers.CharField(source="ppo.etablissement.kind")
    bassin = serializers.CharField(source="ppo.etablissement.bassin.name", allow_null=True, default=None)
    annee = serializers.IntegerField(source="year")
    statut = serializers.CharField(source="status")
    statut_libelle = serializers.CharField(source="get_status_display")
    derniere_transmission = serializers.SerializerMethodField()
    modifie_le = serializers.DateTimeField(source="updated_at")

    def get_derniere_transmission(self, obj) -> dict | None:
        transmissions = list(obj.transmissions.all())
        if not transmissions:
            return None
        latest = max(transmissions, key=lambda t: (t.created_at, t.pk))
        return {
            "numero": latest.number,
            "le": latest.created_at,
            "etat_revue": latest.review_status,
        }


class ProgrammeSuiviDetail(ProgrammeSuivi):
    copie_transmise = serializers.SerializerMethodField()

    def get_copie_transmise(self, obj) -> dict | None:
        transmissions = list(obj.transmissions.all())
        if not transmissions:
            return None
        return max(transmissions, key=lambda t: (t.created_at, t.pk)).snapshot


class OffrePartenaire(serializers.ModelSerializer):
    """An offer of the key's partner body: every field it fills in on screen, and its moderation state."""

    statut_libelle = serializers.CharField(source="get_status_display", read_only=True)

    class Meta:
        model = Offre
        fields = [
            "id",
            "title",
            "description",
            "kind",
            "niveaux",
            "axes",
            "metiers",
            "secteurs",
            "academie",
            "departements",
            "bassins",
            "all_year",
            "start_date",
            "end_date",
            "capacity",
            "is_free",
            "cost_justification",
            "is_accessible",
            "accessibility_note",
            "contact_name",
            "contact_email",
            "contact_phone",
            "status",
            "statut_libelle",
            "moderation_reason",
            "updated_at",
        ]
        read_only_fields = ["id", "status", "statut_libelle", "moderation_reason", "updated_at"]
