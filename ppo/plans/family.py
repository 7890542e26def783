"""The programme as families read it: per level, in plain language, built from the public fields only.

The school's public page and the family PDF both show this content (`family_programme`), so that they say the
same thing and neither can show more than `ppo.plans.public_fields` declares. Every model field is read through
`public_value`; no model instance reaches the templates.
"""

import datetime
from dataclasses import dataclass

from django.db.models import F, Prefetch
from django.urls import NoReverseMatch, reverse

from ppo.campagnes import selectors as campagnes_selectors
from ppo.core.dates import MONTH_NAMES
from ppo.plans.models import Action, RessourceItem
from ppo.plans.public_fields import public_value as pv
from ppo.referentiel.enums import TypeRepere
from ppo.referentiel.familles import GLOSSARY
from ppo.referentiel.models import Niveau, RepereFamille


def date_label(day: datetime.date) -> str:
    return f"{'1er' if day.day == 1 else day.day} {MONTH_NAMES[day.month - 1]} {day.year}"


def dates_label(start: datetime.date | None, end: datetime.date | None) -> str:
    """« le 12 mars 2026 », « du 3 au 7 février 2026 », « du 28 février au 3 mars 2026 »."""
    if start is None:
        return ""
    if end is None or end == start:
        return f"le {date_label(start)}"
    if (start.year, start.month) == (end.year, end.month):
        return f"du {'1er' if start.day == 1 else start.day} au {date_label(end)}"
    if start.year == end.year:
        return f"du {date_label(start).rsplit(' ', 1)[0]} au {date_label(end)}"
    return f"du {date_label(start)} au {date_label(end)}"


@dataclass(frozen=True)
class FamilyAction:
    title: str
    axe: str
    when: str
    start: datetime.date | None
    description: str
    organisations: tuple[str, ...]


@dataclass(frozen=True)
class FamilyEvent:
    """A dated moment of the year for a level: an action of the school or a temps fort of the académie."""

    title: str
    when: str
    start: datetime.date
    academie: bool


@dataclass(frozen=True)
class FamilyStep:
    period: str
    text: str


@dataclass(frozen=True)
class FamilyLevel:
    code: str
    label: str
    short_label: str
    intro: tuple[str, ...]
    actions: tuple[FamilyAction, ...]
    events: tuple[FamilyEvent, ...]
    steps: tuple[FamilyStep, ...]
    contacts: tuple[str, ...]
    calendar_url: str

    @property
    def anchor(self) -> str:
        return f"niveau-{self.code}"


@dataclass(frozen=True)
class FamilyProgramme:
    public_id: str
    etablissement_name: str
    uai: str
    kind_label: str
    commune: str
    academie: str
    year_label: str
    ppo_period: str
    updated_on: datetime.date
    levels: tuple[FamilyLevel, ...]
    glossary: tuple[tuple[str, str], ...]


def public_calendar_url(*, uai: str, niveau_code: str) -> str:
    """The public calendar feed of a school and level (app `documents`). Until that view is merged, the address is
    written out so that links are already right."""
    try:
        path = reverse("documents:public_calendar", kwargs={"uai": uai})
    except NoReverseMatch:
        path = f"/documents/public/etablissement/{uai}/calendrier.ics"
    return f"{path}?niveau={niveau_code}"


def action_organisations(action: Action) -> tuple[str, ...]:
    """Partner organisations' names: the reference list (its current name when replaced), the catalogue offer's
    organisation, the ambassador's employer — and the ambassador's name only if they agreed to it."""
    names = []
    for item in pv(action, "partner_items").all():
        replacement = pv(item, "replaced_by")
        names.append(pv(replacement or item, "label"))
    link = getattr(action, "offre_link", None)  # reverse one-to-one: absent when the action is not from the catalogue
    if link is not None:
        names.append(pv(pv(pv(link, "offre"), "structure"), "name"))
    for demande in action.demandes_ambassadeur.all():
        ambassadeur = pv(demande, "ambassadeur")
        user = pv(ambassadeur, "user")
        who = " ".join(filter(None, [pv(user, "first_name"), pv(user, "last_name")])) if user else ""
        label = f"{who}, ambassadeur métiers" if who else "Un ambassadeur métiers"
        employer = pv(ambassadeur, "employer")
        names.append(f"{label} ({employer})" if employer else label)
    return tuple(dict.fromkeys(n for n in names if n))


def action_when(action: Action) -> str:
    """The real date when there is one; else the period the school wrote — except for an ambassador's visit,
    whose period holds the dates the school wished for, not a date anyone agreed to."""
    start = pv(action, "start_date")
    if start:
        return dates_label(start, pv(action, "end_date"))
    if action.demandes_ambassadeur.all():
        return ""
    return pv(action, "period").strip()


def _family_action(action: Action) -> FamilyAction:
    axe = pv(action, "axe")
    return FamilyAction(
        title=pv(action, "title"),
        axe=pv(axe, "short_label"),
        when=action_when(action),
        start=pv(action, "start_date"),
        description=pv(action, "public_description").strip(),
        organisations=action_organisations(action),
    )


def public_actions_queryset(queryset):
    """What `action_organisations` and `action_when` read, joined or prefetched (4 queries for any number)."""
    return queryset.select_related("axe", "offre_link__offre__structure").prefetch_related(
        Prefetch("niveaux", queryset=Niveau.objects.order_by("order")),
        Prefetch("partner_items", queryset=RessourceItem.objects.select_related("replaced_by").order_by("order")),
        "demandes_ambassadeur__ambassadeur__user",
    )


def _actions(programme) -> list[Action]:
    return list(
        public_actions_queryset(
            programme.actions.order_by(F("start_date").asc(nulls_last=True), "axe__number", "order", "pk")
        )
    )


def family_programme(*, programme) -> FamilyProgramme:
    """The published programme for families, level by level (a fixed number of queries)."""
    ppo = pv(programme, "ppo")
    etablissement = pv(ppo, "etablissement")
    uai = pv(etablissement, "uai")
    actions = _actions(programme)
    taught = list(pv(etablissement, "niveaux").order_by("order"))
    used = {n.pk: n for a in actions for n in pv(a, "niveaux").all()}
    niveaux = sorted({**{n.pk: n for n in taught}, **used}.values(), key=lambda n: pv(n, "order"))
    temps_forts = campagnes_selectors.temps_forts_for(etablissement=etablissement, year=pv(programme, "year"))
    reperes = {}
    for repere in RepereFamille.objects.filter(niveau__in=niveaux).order_by("order", "pk"):
        reperes.setdefault(repere.niveau_id, []).append(repere)
    levels = []
    for niveau in niveaux:
        level_actions = [_family_action(a) for a in actions if niveau in pv(a, "niveaux").all()]
        events = [
            FamilyEvent(title=a.title, when=a.when, start=a.start, academie=False) for a in level_actions if a.start
        ]
        for tf in temps_forts:
            tf_niveaux = list(pv(tf, "niveaux").all())
            if tf_niveaux and niveau not in tf_niveaux:
                continue
            start = pv(tf, "start_date")
            events.append(
                FamilyEvent(
                    title=pv(tf, "label"), when=dates_label(start, pv(tf, "end_date")), start=start, academie=True
                )
            )
        events.sort(key=lambda e: (e.start, e.title))
        lines = reperes.get(niveau.pk, [])
        levels.append(
            FamilyLevel(
                code=pv(niveau, "code"),
                label=pv(niveau, "label"),
                short_label=pv(niveau, "short_label"),
                intro=tuple(pv(r, "text") for r in lines if pv(r, "kind") == TypeRepere.ENFANT),
                actions=tuple(level_actions),
                events=tuple(events),
                steps=tuple(
                    FamilyStep(period=pv(r, "period"), text=pv(r, "text"))
                    for r in lines
                    if pv(r, "kind") == TypeRepere.PARENTS
                ),
                contacts=tuple(pv(r, "text") for r in lines if pv(r, "kind") == TypeRepere.CONTACT),
                calendar_url=public_calendar_url(uai=uai, niveau_code=pv(niveau, "code")),
            )
        )
    return FamilyProgramme(
        public_id=str(pv(programme, "public_id")),
        etablissement_name=pv(etablissement, "name"),
        uai=uai,
        kind_label=etablissement.get_kind_display(),
        commune=pv(etablissement, "commune"),
        academie=pv(pv(etablissement, "academie"), "name"),
        year_label=f"{pv(programme, 'year')}-{pv(programme, 'year') + 1}",
        ppo_period=f"{pv(ppo, 'first_year')}-{pv(ppo, 'last_year') + 1}",
        updated_on=pv(programme, "updated_at").date(),
        levels=tuple(levels),
        glossary=tuple(GLOSSARY),
    )


@dataclass(frozen=True)
class PublicSchool:
    uai: str
    name: str
    kind_label: str
    commune: str
    code_postal: str


def public_school(etablissement) -> PublicSchool:
    return PublicSchool(
        uai=pv(etablissement, "uai"),
        name=pv(etablissement, "name"),
        kind_label=etablissement.get_kind_display(),
        commune=pv(etablissement, "commune"),
        code_postal=pv(etablissement, "code_postal"),
    )
