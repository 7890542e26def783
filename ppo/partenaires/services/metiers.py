"""Loading the ONISEP métiers list: idempotent, all or nothing, with a summary."""

from dataclasses import dataclass

from django.db import transaction

from ppo.partenaires.models import Metier, Secteur
from ppo.partenaires.onisep import MetierRecord


@dataclass
class MetiersImportSummary:
    rows: int = 0
    metiers: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    secteurs_created: int = 0
    dry_run: bool = False

    def __str__(self):
        prefix = "Simulation — rien n’est enregistré. " if self.dry_run else ""
        return (
            f"{prefix}{self.rows} lignes lues, {self.metiers} métiers : {self.created} créés, "
            f"{self.updated} mis à jour, {self.unchanged} inchangés ; {self.secteurs_created} secteurs créés."
        )


def _values(record: MetierRecord) -> dict:
    return {
        "label": record.label[:300],
        "onisep_url": record.url[:300],
        "rome_codes": " ".join(record.rome_codes),
        "rome_labels": "\n".join(record.rome_labels),
        "subdomains": "\n".join(record.subdomains),
    }


@transaction.atomic
def metiers_import(*, records: list[MetierRecord], rows: int, dry_run: bool = False) -> MetiersImportSummary:
    summary = MetiersImportSummary(rows=rows, metiers=len(records), dry_run=dry_run)
    secteurs = {s.label: s for s in Secteur.objects.all()}
    for label in sorted({name for r in records for name in r.secteurs}):
        if label not in secteurs:
            secteurs[label] = Secteur.objects.create(label=label[:200])
            summary.secteurs_created += 1
    existing = {m.onisep_id: m for m in Metier.objects.prefetch_related("secteurs")}
    for record in records:
        values = _values(record)
        wanted = {secteurs[name].pk for name in record.secteurs}
        metier = existing.get(record.onisep_id)
        if metier is None:
            metier = Metier.objects.create(onisep_id=record.onisep_id, **values)
            metier.secteurs.set(wanted)
            summary.created += 1
            continue
        changed = [name for name, value in values.items() if getattr(metier, name) != value]
        for name in changed:
            setattr(metier, name, values[name])
        if changed:
            metier.save(update_fields=changed)
        if {s.pk for s in metier.secteurs.all()} != wanted:
            metier.secteurs.set(wanted)
            changed.append("secteurs")
        if changed:
            summary.updated += 1
        else:
            summary.unchanged += 1
    if dry_run:
        transaction.set_rollback(True)
    return summary
