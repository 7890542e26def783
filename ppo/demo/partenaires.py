"""Demo catalogue and ambassadeurs métiers: offers about « soudure » and « métiers du numérique », one waiting for
moderation, one stale; an ambassador profile for ambassadeur@demo.ppo.fr and one request waiting for an answer."""

import datetime
import os
from pathlib import Path

from django.conf import settings
from django.utils import timezone

from ppo.partenaires.enums import StatutDemande, StatutOffre, TypeIntervention, TypeOffre, TypeStructure
from ppo.partenaires.models import Ambassadeur, DemandeIntervention, Metier, Offre, Secteur, Structure
from ppo.partenaires.onisep import OnisepFileError, parse_metiers
from ppo.partenaires.services.metiers import metiers_import
from ppo.partenaires.services.offres import offre_reindex
from ppo.plans.models import Axe
from ppo.referentiel.models import Niveau

ONISEP_FILE = (
    Path(os.environ.get("PPO_SHARED_DATA", Path(settings.BASE_DIR).parent / "shared" / "data"))
    / "onisep"
    / "ideo-metiers_onisep.csv"
)

# onisep_id, label, ROME, secteur: enough for the demo when the ONISEP file is absent.
METIERS = [
    ("MET.899", "soudeur / soudeuse", "H2913", "mécanique"),
    ("MET.576", "chaudronnier / chaudronnière", "H2902", "mécanique"),
    ("MET.12", "développeur / développeuse informatique", "M1805", "informatique, internet"),
    ("MET.551", "architecte réseaux", "M1801", "informatique, internet"),
    ("MET.866", "technicien / technicienne de maintenance industrielle", "I1304", "mécanique"),
]

OFFRES = [
    {
        "title": "Visite d’un atelier de soudure et de chaudronnerie",
        "description": "Les élèves découvrent la soudure à l’arc et le travail des métaux dans un atelier de "
        "chaudronnerie industrielle, avec des apprentis et leur maître d’apprentissage. Essai sur simulateur de "
        "soudage. Filles et garçons sont accueillis en mixité.",
        "kind": TypeOffre.VISITE,
        "structure": "uimm",
        "niveaux": ["3e", "3e-prepa-metiers", "2nde-pro"],
        "axes": [1, 2],
        "metiers": ["MET.899", "MET.576"],
        "bassins": ["Cotentin"],
        "status": StatutOffre.VALIDEE,
        "capacity": 24,
        "age_days": 30,
    },
    {
        "title": "Les métiers du numérique racontés en classe",
        "description": "Une développeuse et un technicien réseaux présentent les métiers du numérique, leurs "
        "formations et leurs débouchés en Normandie ; atelier de programmation d’un petit robot.",
        "kind": TypeOffre.INTERVENTION,
        "structure": "agence",
        "niveaux": ["4e", "3e", "2nde-gt", "2nde-pro"],
        "axes": [1],
        "metiers": ["MET.12", "MET.551"],
        "status": StatutOffre.VALIDEE,
        "capacity": 30,
        "age_days": 60,
    },
    {
        "title": "Journée d’immersion sur un chantier du bâtiment",
        "description": "Une journée sur un chantier école : maçonnerie, électricité, sécurité.",
        "kind": TypeOffre.IMMERSION,
        "structure": "agence",
        "niveaux": ["3e", "3e-prepa-metiers"],
        "axes": [2],
        "metiers": [],
        "status": StatutOffre.SOUMISE,
        "capacity": 12,
        "age_days": 5,
    },
    {
        "title": "Forum des métiers de la mer",
        "description": "Stands des entreprises du port et de la pêche, rencontres avec des professionnels.",
        "kind": TypeOffre.EVENEMENT,
        "structure": "region",
        "niveaux": ["3e", "2nde-gt", "2nde-pro"],
        "axes": [1, 2],
        "metiers": ["MET.866"],
        "status": StatutOffre.VALIDEE,
        "capacity": None,
        "age_days": 400,  # confirmed 13 months ago: flagged « à reconfirmer »
    },
]


def _metiers():
    if ONISEP_FILE.is_file() and not Metier.objects.exists():
        try:
            records, rows = parse_metiers(ONISEP_FILE.read_bytes())
        except OnisepFileError:
            pass
        else:
            metiers_import(records=records, rows=rows)
    for onisep_id, label, rome, secteur in METIERS:
        metier, created = Metier.objects.get_or_create(
            onisep_id=onisep_id,
            defaults={
                "label": label,
                "rome_codes": rome,
                "onisep_url": f"http://www.onisep.fr/http/redirection/metier/slug/{onisep_id}",
            },
        )
        if created:
            metier.secteurs.add(Secteur.objects.get_or_create(label=secteur)[0])
    return {m.onisep_id: m for m in Metier.objects.filter(onisep_id__in=[m[0] for m in METIERS])}


def load(demo) -> None:
    structures = dict(demo.structures)
    structures["uimm"] = Structure.objects.get_or_create(
        name="UIMM Normandie — Industries technologiques",
        defaults={"kind": TypeStructure.BRANCHE, "academie": demo.academie, "email": "contact@uimm-demo.fr"},
    )[0]
    metiers = _metiers()
    niveaux = {n.code: n for n in Niveau.objects.all()}
    axes = {a.number: a for a in Axe.objects.all()}
    now = timezone.now()
    partner = demo.users["partenaire@demo.ppo.fr"]
    for spec in OFFRES:
        if Offre.objects.filter(title=spec["title"]).exists():
            continue
        offre = Offre.objects.create(
            structure=structures[spec["structure"]],
            title=spec["title"],
            description=spec["description"],
            kind=spec["kind"],
            academie=demo.academie,
            capacity=spec["capacity"],
            contact_name="Inès Garnier",
            contact_email="contact.catalogue@demo.ppo.fr",
            contact_phone="02 31 00 00 00",
            is_accessible=True,
            status=spec["status"],
            last_confirmed_at=now - datetime.timedelta(days=spec["age_days"]),
            created_by=partner,
        )
        offre.niveaux.set([niveaux[c] for c in spec["niveaux"]])
        offre.axes.set([axes[n] for n in spec["axes"]])
        offre.metiers.set([metiers[m] for m in spec["metiers"]])
        offre.bassins.set([demo.bassins[b] for b in spec.get("bassins", [])])
        offre_reindex(offre=offre)
    _ambassadeur(demo, metiers, niveaux)


def _ambassadeur(demo, metiers, niveaux):
    user = demo.users["ambassadeur@demo.ppo.fr"]
    ambassadeur, _ = Ambassadeur.objects.get_or_create(
        user=user,
        defaults={
            "metier": metiers["MET.866"],
            "job_title": "Technicien de maintenance industrielle",
            "secteur": metiers["MET.866"].secteurs.first(),
            "employer": "Chantier naval du Cotentin",
            "academie": demo.academie,
            "availability": "Le mardi et le jeudi, de septembre à juin.",
            "offers_groupe": True,
            "offers_rencontre": True,
            "offers_visite": True,
            "presentation": "Vingt ans de maintenance sur les lignes de production ; je fais visiter l’atelier.",
        },
    )
    DemandeIntervention.objects.get_or_create(
        ambassadeur=ambassadeur,
        etablissement=demo.schools["lp"],
        defaults={
            "requested_by": demo.users["redacteur.lp@demo.ppo.fr"],
            "kind": TypeIntervention.VISITE,
            "niveau": niveaux["2nde-pro"],
            "pupils_count": 15,
            "wished_dates": "Fin janvier ou début février",
            "message": "Nos élèves de seconde MELEC aimeraient voir un atelier de maintenance en activité.",
            "status": StatutDemande.DEMANDEE,
        },
    )
