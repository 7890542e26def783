"""The frozen copy of an annual programme: every field of the programme and of each action, as plain JSON."""

from django.core.serializers.json import DjangoJSONEncoder
from django.forms.models import model_to_dict

from ppo.plans.models import ProgrammeAnnuel

ACTION_SKIP = {"programme", "actors", "partner_items", "niveaux", "axe", "copied_from", "created_by"}


def _plain(data: dict) -> dict:
    encoder = DjangoJSONEncoder()
    return {
        k: (v if v is None or isinstance(v, str | int | bool | float) else encoder.default(v)) for k, v in data.items()
    }


def _item(item) -> dict:
    return {"id": item.pk, "label": item.label, "category": item.category, "group": item.group}


def programme_snapshot(*, programme: ProgrammeAnnuel) -> dict:
    """Everything the académie reviews, read in a constant number of queries."""
    programme = (
        ProgrammeAnnuel.objects.select_related("ppo__etablissement")
        .prefetch_related("ressources")
        .get(pk=programme.pk)
    )
    etablissement = programme.ppo.etablissement
    actions = programme.actions.select_related("axe").prefetch_related("niveaux", "actors", "partner_items")
    return {
        "programme": {
            "id": programme.pk,
            "year": programme.year,
            "year_label": programme.year_label,
            "status": programme.status,
            "version": programme.version,
            "training": programme.training,
            "notes": programme.notes,
            "ressources": [_item(r) for r in programme.ressources.all()],
            "ressources_autres": programme.ressources_autres,
            "ppo": {"first_year": programme.ppo.first_year, "last_year": programme.ppo.last_year},
        },
        "etablissement": {
            "id": etablissement.pk,
            "uai": etablissement.uai,
            "name": etablissement.name,
            "kind": etablissement.kind,
            "kind_label": etablissement.get_kind_display(),
        },
        "actions": [
            {
                **_plain({k: v for k, v in model_to_dict(action).items() if k not in ACTION_SKIP}),
                "axe": {"id": action.axe_id, "number": action.axe.number, "label": action.axe.short_label},
                "niveaux": [{"id": n.pk, "code": n.code, "label": n.short_label} for n in action.niveaux.all()],
                "actors": [_item(a) for a in action.actors.all()],
                "partner_items": [_item(p) for p in action.partner_items.all()],
                "kind_label": action.get_kind_display(),
                "copied_from": action.copied_from_id,
                "created_by": action.created_by_id,
                "created_at": action.created_at.isoformat(),
                "updated_at": action.updated_at.isoformat(),
            }
            for action in actions
        ],
    }
