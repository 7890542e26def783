"""Where the open-data files of ../shared/data are; tests that need them skip cleanly when they are absent."""

import csv
import os
from pathlib import Path

import pytest

SHARED_DATA = Path(os.environ.get("PPO_SHARED_DATA", Path(__file__).resolve().parents[2].parent / "shared" / "data"))
ANNUAIRE = "annuaire/fr-en-adresse-et-geolocalisation-etablissements-premier-et-second-degre.colleges-normandie-lille-amiens.csv"
IPS = "annuaire/fr-en-ips-lycees-ap2022.normandie-lille-amiens.csv"
DEPARTEMENTS = "referentiel/departements_academies_regions.csv"


def shared_file(name: str) -> Path:
    path = SHARED_DATA / name
    if not path.is_file():
        pytest.skip(f"Données partagées absentes : {path}")
    return path


def read_rows(path: Path) -> list[dict]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle, delimiter=";"))
