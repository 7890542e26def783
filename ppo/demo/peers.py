"""Demo: similar schools for the comparisons of the review (`referentiel.peers.PEER_RULE`).

For the LP, the collège and the LGT of the demo, six schools of the same kind in Normandie, with an IPS close to
theirs: each has a PPO from N-1, its programme N-1 published and its programme N validated by the académie, with
the actions of the demo school (a few left out, hours moved by an hour or so) and the values of its indicators
moved by a few points. So the review page of each demo school compares it with real figures. Idempotent.
"""

from decimal import Decimal

from ppo.diagnostic.enums import Unite
from ppo.diagnostic.models import ValeurIndicateur
from ppo.plans.enums import OrigineAction, StatutProgramme
from ppo.plans.lifecycle import force_status
from ppo.plans.models import PPO, Action, ProgrammeAnnuel
from ppo.plans.services import ppo_create, programme_create
from ppo.referentiel.models import Etablissement
from ppo.referentiel.services import etablissement_set_default_niveaux
from ppo.referentiel.uai import uai_check_letter

D = Decimal
# demo school key: its IPS, then (number, name, commune, bassin, IPS) of each similar school
PEERS = {
    "lp": (
        D("88.4"),
        [
            ("0509921", "Lycée professionnel Édouard Doucet", "Cherbourg-en-Cotentin", "Cotentin", D("84.9")),
            ("0509922", "Lycée professionnel Claude Lehec", "Saint-Hilaire-du-Harcouët", "Cotentin", D("91.2")),
            ("0509923", "Lycée professionnel Les Sapins", "Coutances", "Cotentin", D("86.0")),
            ("0149924", "Lycée professionnel Jules Verne", "Mondeville", "Caen", D("92.7")),
            ("0149925", "Lycée professionnel Camille Claudel", "Caen", "Caen", D("80.3")),
            ("0769926", "Lycée professionnel Colbert", "Le Petit-Quevilly", "Rouen", D("95.1")),
        ],
    ),
    "college": (
        D("104.6"),
        [
            ("0149931", "Collège Jacques Monod", "Caen", "Caen", D("101.8")),
            ("0149932", "Collège Pasteur", "Hérouville-Saint-Clair", "Caen", D("97.4")),
            ("0149933", "Collège Guillaume de Normandie", "Caen", "Caen", D("110.2")),
            ("0509934", "Collège Le Castel", "Saint-Lô", "Cotentin", D("99.5")),
            ("0509935", "Collège Jean-François Millet", "Cherbourg-en-Cotentin", "Cotentin", D("106.9")),
            ("0769936", "Collège Georges Braque", "Rouen", "Rouen", D("112.0")),
        ],
    ),
    "lgt": (
        D("112.3"),
        [
            ("0149941", "Lycée Malherbe", "Caen", "Caen", D("118.6")),
            ("0149942", "Lycée Augustin Fresnel", "Caen", "Caen", D("109.9")),
            ("0509943", "Lycée Victor Grignard", "Cherbourg-en-Cotentin", "Cotentin", D("105.4")),
            ("0509944", "Lycée Urbain Le Verrier", "Saint-Lô", "Cotentin", D("108.8")),
            ("0769945", "Lycée Jeanne d’Arc", "Rouen", "Rouen", D("120.1")),
            ("0769946", "Lycée Camille Saint-Saëns", "Rouen", "Rouen", D("115.7")),
        ],
    ),
}


def load(demo) -> None:
    first_year = demo.year - 1
    for key, (ips, peers) in PEERS.items():
        model = demo.schools[key]
        if model.ips is None:
            model.ips = ips
            model.save(update_fields=["ips"])
        source = ProgrammeAnnuel.objects.filter(ppo__etablissement=model, year=demo.year).first()
        if source is None:
            continue
        actions = list(source.actions.select_related("axe").prefetch_related("niveaux", "actors", "partner_items"))
        values = list(ValeurIndicateur.objects.filter(etablissement=model).select_related("indicateur"))
        for index, (number, name, commune, bassin, peer_ips) in enumerate(peers):
            school = _school(demo, model, number, name, commune, bassin, peer_ips)
            if PPO.objects.filter(etablissement=school).exists():
                continue
            _programmes(demo, school, first_year, actions, index)
            _values(school, values, index)


def _school(demo, model, number, name, commune, bassin, ips) -> Etablissement:
    school, created = Etablissement.objects.get_or_create(
        uai=number + uai_check_letter(number),
        defaults={
            "name": name,
            "kind": model.kind,
            "secteur": model.secteur,
            "commune": commune,
            "departement": demo.bassins[bassin].departement,
            "academie": demo.academie,
            "bassin": demo.bassins[bassin],
            "ips": ips,
        },
    )
    if created:
        etablissement_set_default_niveaux(etablissement=school)
    return school


def _programmes(demo, school, first_year, actions, index):
    """Programme N-1 published, programme N (its copy) validated: both readable by the académie.

    The actions are written in bulk (18 schools × 2 years × the demo school's actions): they are the background of
    the comparisons, nobody edits them, so they carry no history of their own — loading the demo stays quick.
    """
    user = demo.admin
    ppo = ppo_create(etablissement=school, first_year=first_year, years=3, user=user)
    previous = ppo.programmes.get()
    kept = []
    for position, action in enumerate(actions):
        if (position + index) % 5 == 0:  # every school leaves out a different fifth of the actions
            continue
        hours = action.hours
        if hours is not None:
            hours = max(D("0.5"), hours + D((position + index) % 3 - 1))
        kept.append((action, hours))
    originals = _actions_bulk_create(previous, user, [(action, hours, None) for action, hours in kept])
    force_status(programme=previous, status=StatutProgramme.PUBLIE, user=user)
    current = programme_create(ppo=ppo, year=previous.year + 1, user=user, previous=previous)
    _actions_bulk_create(
        current, user, [(action, hours, original) for (action, hours), original in zip(kept, originals, strict=True)]
    )
    force_status(programme=current, status=StatutProgramme.VALIDE, user=user)


def _actions_bulk_create(programme, user, rows) -> list[Action]:
    """`rows`: (model action, hours, copied_from or None). The copies of a model action, levels and checklists kept."""
    created = Action.objects.bulk_create(
        Action(
            programme=programme,
            axe_id=action.axe_id,
            title=action.title,
            kind=action.kind,
            hours=hours,
            period=action.period,
            partners=action.partners,
            gender_equality=action.gender_equality,
            origin=OrigineAction.SAISIE if copied_from is None else OrigineAction.REPRISE,
            copied_from=copied_from,
            created_by=user,
            order=order,
        )
        for order, (action, hours, copied_from) in enumerate(rows, start=1)
    )
    for name, column in (
        ("niveaux", "niveau_id"),
        ("actors", "ressourceitem_id"),
        ("partner_items", "ressourceitem_id"),
    ):
        through = getattr(Action, name).through
        through.objects.bulk_create(
            through(action_id=copy.pk, **{column: item.pk})
            for copy, (action, _hours, _copied) in zip(created, rows, strict=True)
            for item in getattr(action, name).all()
        )
    return created


def _values(school, values, index):
    """The demo school's indicator values, moved by -3 to +3 points (rates kept between 0 and 100)."""
    rows = []
    for position, valeur in enumerate(values):
        value = valeur.value + D((position + 2 * index) % 7 - 3)
        if valeur.indicateur.unit == Unite.POURCENT:
            value = min(D(100), max(D(0), value))
        rows.append(
            ValeurIndicateur(
                etablissement=school,
                indicateur=valeur.indicateur,
                year=valeur.year,
                scope=valeur.scope,
                scope_key=valeur.scope_key,  # bulk_create does not call save(), which derives it
                value=max(D(0), value),
                source=valeur.source,
                source_detail="démonstration",
            )
        )
    ValeurIndicateur.objects.bulk_create(rows)
