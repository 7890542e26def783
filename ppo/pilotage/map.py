"""The académie's map as a server-rendered SVG: the outline, and one marker per school coloured AND shaped by
its state (never colour alone), each a link with a title. Equirectangular projection corrected by cos(latitude)."""

import math
from dataclasses import dataclass

from ppo.pilotage.enums import EtatEtablissement

WIDTH = 640
MARGIN = 16
# state -> (colour, shape, legend of the shape)
STYLES = {
    EtatEtablissement.NON_COMMENCE: ("#666666", "ring", "cercle vide"),
    EtatEtablissement.BROUILLON: ("#3a3a9a", "square", "carré"),
    EtatEtablissement.TRANSMIS: ("#b34000", "triangle", "triangle"),
    EtatEtablissement.A_COMPLETER: ("#ce0500", "diamond", "losange"),
    EtatEtablissement.VALIDE: ("#18753c", "disc", "disque"),
    EtatEtablissement.EN_RETARD: ("#161616", "cross", "croix"),
}


@dataclass
class Marker:
    x: float
    y: float
    path: str
    colour: str
    filled: bool
    title: str
    url: str


def _shape(shape: str, x: float, y: float, r: float = 6) -> str:
    if shape in ("ring", "disc"):
        return f"M {x - r:.1f} {y:.1f} a {r} {r} 0 1 0 {2 * r} 0 a {r} {r} 0 1 0 {-2 * r} 0 Z"
    if shape == "square":
        return f"M {x - r:.1f} {y - r:.1f} h {2 * r} v {2 * r} h {-2 * r} Z"
    if shape == "triangle":
        return f"M {x:.1f} {y - r - 1:.1f} L {x + r + 1:.1f} {y + r:.1f} L {x - r - 1:.1f} {y + r:.1f} Z"
    if shape == "diamond":
        return f"M {x:.1f} {y - r - 1:.1f} L {x + r + 1:.1f} {y:.1f} L {x:.1f} {y + r + 1:.1f} L {x - r - 1:.1f} {y:.1f} Z"
    return f"M {x - r:.1f} {y - r:.1f} L {x + r:.1f} {y + r:.1f} M {x + r:.1f} {y - r:.1f} L {x - r:.1f} {y + r:.1f}"


def legend() -> list[dict]:
    items = []
    for i, (etat, (colour, shape, shape_label)) in enumerate(STYLES.items()):
        items.append(
            {
                "label": etat.label,
                "shape_label": shape_label,
                "colour": colour,
                "filled": shape not in ("ring", "cross"),
                "path": _shape(shape, 10, 10 + i * 0, 6),
            }
        )
    return items


def build_map(*, contour, schools: list, url_for) -> dict | None:
    """`schools`: objects with latitude, longitude, etat, name, uai; `url_for(school)` gives each marker's link."""
    placed = [s for s in schools if s.latitude is not None and s.longitude is not None]
    if contour is not None:
        # Schools far from the outline (overseas) are listed only.
        placed = [
            s
            for s in placed
            if contour.min_lon - 0.5 <= s.longitude <= contour.max_lon + 0.5
            and contour.min_lat - 0.5 <= s.latitude <= contour.max_lat + 0.5
        ]
        lons, lats = [contour.min_lon, contour.max_lon], [contour.min_lat, contour.max_lat]
    else:
        lons, lats = [s.longitude for s in placed], [s.latitude for s in placed]
    if not lons:
        return None
    min_lon, max_lon, min_lat, max_lat = min(lons), max(lons), min(lats), max(lats)
    k = math.cos(math.radians((min_lat + max_lat) / 2))
    span_x = max((max_lon - min_lon) * k, 0.01)
    span_y = max(max_lat - min_lat, 0.01)
    scale = (WIDTH - 2 * MARGIN) / max(span_x, span_y * 0.9)
    height = round(span_y * scale + 2 * MARGIN)

    def project(lon, lat):
        return MARGIN + (lon - min_lon) * k * scale, MARGIN + (max_lat - lat) * scale

    outline = ""
    if contour is not None:
        parts = []
        for ring in contour.rings:
            points = [project(lon, lat) for lon, lat in ring]
            parts.append("M " + " L ".join(f"{x:.1f} {y:.1f}" for x, y in points) + " Z")
        outline = " ".join(parts)
    markers = []
    for school in placed:
        colour, shape, _ = STYLES[EtatEtablissement(school.etat)]
        x, y = project(school.longitude, school.latitude)
        markers.append(
            Marker(
                x=x,
                y=y,
                path=_shape(shape, x, y),
                colour=colour,
                filled=shape not in ("ring", "cross"),
                title=f"{school.name} ({school.uai}) — {EtatEtablissement(school.etat).label}",
                url=url_for(school),
            )
        )
    return {
        "width": WIDTH,
        "height": height,
        "outline": outline,
        "markers": markers,
        "unplaced": len(schools) - len(placed),
    }
