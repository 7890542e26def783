"""Académie outlines for the map: read from the open-data GeoJSON, simplified, stored in ContourAcademie."""

import json
import math
from pathlib import Path

from django.db import transaction

from ppo.pilotage.models import ContourAcademie
from ppo.referentiel.models import Academie

TOLERANCE = 0.01  # degrees, about 1 km: enough for a map a few hundred pixels wide
MIN_RING_POINTS = 8
MAX_OFFSET = 5  # degrees from the main ring's centre


def _distance(p, a, b) -> float:
    (x, y), (x1, y1), (x2, y2) = p, a, b
    dx, dy = x2 - x1, y2 - y1
    if dx == 0 and dy == 0:
        return math.hypot(x - x1, y - y1)
    return abs(dy * x - dx * y + x2 * y1 - y2 * x1) / math.hypot(dx, dy)


def simplify(points: list, tolerance: float = TOLERANCE) -> list:
    """Douglas-Peucker, iterative (long rings would overflow the recursion)."""
    if len(points) < 3:
        return list(points)
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        index, worst = None, tolerance
        for i in range(first + 1, last):
            d = _distance(points[i], points[first], points[last])
            if d > worst:
                index, worst = i, d
        if index is not None:
            keep[index] = True
            stack += [(first, index), (index, last)]
    return [[round(x, 4), round(y, 4)] for (x, y), k in zip(points, keep, strict=True) if k]


def _outer_rings(geometry: dict) -> list:
    if geometry["type"] == "Polygon":
        return [geometry["coordinates"][0]]
    if geometry["type"] == "MultiPolygon":
        return [polygon[0] for polygon in geometry["coordinates"]]
    return []


def _centre(ring) -> tuple[float, float]:
    return sum(p[0] for p in ring) / len(ring), sum(p[1] for p in ring) / len(ring)


def _mainland(rings: list) -> list:
    """The main body of the académie: the largest ring and the rings near it. Far territories (Saint-Pierre-et-
    Miquelon belongs to Normandie) would shrink the map to a dot; their schools appear in the list only."""
    main = max(rings, key=len)
    cx, cy = _centre(main)
    near = [r for r in rings if abs(_centre(r)[0] - cx) < MAX_OFFSET and abs(_centre(r)[1] - cy) < MAX_OFFSET]
    return [r for r in near if len(r) >= MIN_RING_POINTS or r is main]


@transaction.atomic
def contours_import(*, path: Path, tolerance: float = TOLERANCE) -> dict[str, int]:
    """Stores one simplified outline per académie found in the file (keyed by `code_academie`); returns the
    number of points kept per académie code. Islands too small to show are dropped."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    academies = {a.code: a for a in Academie.objects.all()}
    kept = {}
    for feature in data.get("features", []):
        code = str(feature.get("properties", {}).get("code_academie", "")).zfill(2)
        academie = academies.get(code)
        if academie is None or not feature.get("geometry"):
            continue
        rings = _mainland([simplify(ring, tolerance) for ring in _outer_rings(feature["geometry"])])
        points = [p for r in rings for p in r]
        ContourAcademie.objects.update_or_create(
            academie=academie,
            defaults={
                "rings": rings,
                "min_lon": min(p[0] for p in points),
                "max_lon": max(p[0] for p in points),
                "min_lat": min(p[1] for p in points),
                "max_lat": max(p[1] for p in points),
            },
        )
        kept[code] = len(points)
    return kept
