"""Each domain app may contribute to the main navigation and to the dashboard.

An app adds a module `ppo/<app>/nav.py` with `items(request) -> list[NavItem]` and/or
`ppo/<app>/dashboard.py` with `cards(request) -> list[Card]`. Core never imports the apps by name, so each
app keeps its own entries next to its views and permissions.
"""

from dataclasses import dataclass, field
from importlib import import_module

from django.apps import apps

APP_ORDER = [
    "plans",
    "diagnostic",
    "suivi",
    "documents",
    "campagnes",
    "examen",
    "pilotage",
    "partenaires",
    "referentiel",
    "comptes",
    "api",
]


@dataclass(frozen=True)
class NavItem:
    label: str
    url: str
    active_prefix: str = ""
    order: int = 100


@dataclass(frozen=True)
class Card:
    title: str
    description: str
    url: str
    link_label: str = "Ouvrir"
    order: int = 100
    badges: list = field(default_factory=list)


def _modules(name):
    for app in APP_ORDER:
        if not apps.is_installed(f"ppo.{app}"):
            continue
        try:
            yield import_module(f"ppo.{app}.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"ppo.{app}.{name}":
                raise


def nav_items(request) -> list[NavItem]:
    items = []
    for module in _modules("nav"):
        items.extend(module.items(request))
    items.sort(key=lambda item: item.order)
    path = request.path
    return [
        {"item": item, "current": bool(item.active_prefix) and path.startswith(item.active_prefix)} for item in items
    ]


def dashboard_cards(request) -> list[Card]:
    cards = []
    for module in _modules("dashboard"):
        cards.extend(module.cards(request))
    cards.sort(key=lambda card: card.order)
    return cards
