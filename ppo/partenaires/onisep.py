"""Reading the ONISEP métiers file (ideo-metiers_onisep.csv): one row per métier *and* publication.

The file repeats a métier once per ONISEP publication, leaves the ROME code empty for some métiers, and packs
several « domaine/sous-domaine » pairs in one cell separated by « | ». `parse_metiers` groups the rows by the
ONISEP identifier (MET.nnn, from the link) and reports every row it cannot read: a file with errors is not
imported at all.
"""

import re
from dataclasses import dataclass, field

from ppo.referentiel.csvfile import ImportFileError, parse_csv

LABEL = "libellé métier"
LINK = "lien site onisep.fr"
ROME = "code ROME"
ROME_LABEL = "libellé ROME"
DOMAINS = "domaine/sous-domaine"
REQUIRED = (LABEL, LINK)

ONISEP_ID = re.compile(r"\bMET\.\d+\b")
ROME_CODE = re.compile(r"^[A-N]\d{4}$")
MAX_ERRORS = 20


class OnisepFileError(Exception):
    """The file cannot be imported; `errors` lists what is wrong (French)."""

    def __init__(self, errors):
        self.errors = errors
        super().__init__("\n".join(errors))


@dataclass
class MetierRecord:
    onisep_id: str
    label: str
    url: str
    rome_codes: list = field(default_factory=list)
    rome_labels: list = field(default_factory=list)
    secteurs: list = field(default_factory=list)
    subdomains: list = field(default_factory=list)
    rows: int = 0


def _add(items: list, value: str) -> None:
    if value and value not in items:
        items.append(value)


def parse_metiers(raw: bytes, *, name: str = "ideo-metiers_onisep.csv") -> tuple[list[MetierRecord], int]:
    """The métiers of the file, grouped, and the number of data rows read. Raises OnisepFileError.

    Read by the CSV reader shared by every importer: a file cut mid-row is refused with its line."""
    try:
        table = parse_csv(raw, name=name, delimiter=";", encodings=("utf-8-sig", "cp1252"))
    except ImportFileError as error:
        raise OnisepFileError([error.message, *error.details]) from None
    header = table.header
    missing = [name for name in REQUIRED if name not in header]
    if missing:
        raise OnisepFileError([f"Colonne absente de l’en-tête : « {name} »." for name in missing])
    index = {name: header.index(name) for name in header}
    records: dict[str, MetierRecord] = {}
    errors = []
    count = 0
    for line, row in table.rows:
        count += 1

        def cell(name, row=row):
            return row[index[name]].strip() if name in index else ""

        label, link, rome = " ".join(cell(LABEL).split()), cell(LINK), cell(ROME).upper()
        found = ONISEP_ID.search(link)
        if not label:
            errors.append(f"Ligne {line} : libellé du métier vide.")
        if not found:
            errors.append(f"Ligne {line} : lien ONISEP sans identifiant MET (« {link[:80]} »).")
        if rome and not ROME_CODE.match(rome):
            errors.append(f"Ligne {line} : code ROME invalide « {rome} ».")
        if len(errors) >= MAX_ERRORS:
            break
        if errors:
            continue
        record = records.setdefault(found.group(), MetierRecord(onisep_id=found.group(), label=label, url=link))
        record.rows += 1
        _add(record.rome_codes, rome)
        _add(record.rome_labels, cell(ROME_LABEL))
        for pair in cell(DOMAINS).split("|"):
            domain, _, subdomain = (part.strip() for part in pair.partition("/"))
            _add(record.secteurs, domain)
            _add(record.subdomains, subdomain)
    if errors:
        raise OnisepFileError(errors)
    if not records:
        raise OnisepFileError(["Le fichier ne contient aucun métier."])
    return list(records.values()), count
