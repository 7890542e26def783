"""Reads of the diagnostic. Each page costs a fixed number of queries, whatever the amount of data."""

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.db.models import F, Prefetch, Q

from ppo.comptes.enums import Role
from ppo.comptes.models import Membership
from ppo.diagnostic.charts import sparkline
from ppo.diagnostic.enums import Public, StatutReponse, TypeQuestion
from ppo.diagnostic.models import (
    ActionInventaire,
    Answer,
    ObjectifCible,
    Question,
    Reponse,
    Section,
    ValeurArchivee,
    ValeurIndicateur,
)
from ppo.diagnostic.validation import scope_key
from ppo.plans.models import Action
from ppo.referentiel.models import Etablissement

# --- Indicators -------------------------------------------------------------------------------------------------


def indicator_series(*, etablissement, indicateur, scope: str = "") -> list[ValeurIndicateur]:
    """The values of one indicator for one school, oldest year first (« Ensemble » = blank, case aside)."""
    return list(
        ValeurIndicateur.objects.filter(
            etablissement=etablissement, indicateur=indicateur, scope_key=scope_key(scope)
        ).order_by("year")
    )


def latest_value(*, etablissement, indicateur, scope: str = "") -> ValeurIndicateur | None:
    return (
        ValeurIndicateur.objects.filter(etablissement=etablissement, indicateur=indicateur, scope_key=scope_key(scope))
        .order_by("-year")
        .first()
    )


def indicator_history(*, etablissement, indicateur) -> list[ValeurIndicateur]:
    """Every value of one indicator for one school, every scope, with who typed it and what was set aside."""
    return list(
        ValeurIndicateur.objects.filter(etablissement=etablissement, indicateur=indicateur)
        .select_related("entered_by")
        .prefetch_related(Prefetch("archives", queryset=ValeurArchivee.objects.select_related("entered_by")))
        .order_by("scope_key", "-year")
    )


def out_of_range_filter() -> Q:
    """Values below the minimum or above the maximum of their indicator (checked in the database)."""
    return Q(indicateur__min_value__isnull=False, value__lt=F("indicateur__min_value")) | Q(
        indicateur__max_value__isnull=False, value__gt=F("indicateur__max_value")
    )


def out_of_range_values(*, etablissements) -> list[ValeurIndicateur]:
    """Values recorded before the ranges existed (or before a range was narrowed) that must be corrected.

    `etablissements`: one school or a queryset of schools. One query."""
    if isinstance(etablissements, Etablissement):
        values = ValeurIndicateur.objects.filter(etablissement=etablissements)
    else:
        values = ValeurIndicateur.objects.filter(etablissement__in=etablissements)
    return list(
        values.filter(out_of_range_filter())
        .select_related("indicateur", "etablissement")
        .order_by("etablissement__name", "indicateur__order", "scope_key", "year")
    )


def out_of_range_objectifs(*, programme) -> list[ObjectifCible]:
    """Target objectives of the programme whose baseline or target is outside the indicator's range. One query."""
    low = Q(indicateur__min_value__isnull=False) & (
        Q(baseline__lt=F("indicateur__min_value")) | Q(target__lt=F("indicateur__min_value"))
    )
    high = Q(indicateur__max_value__isnull=False) & (
        Q(baseline__gt=F("indicateur__max_value")) | Q(target__gt=F("indicateur__max_value"))
    )
    return list(programme.objectifs_cibles.filter(low | high).select_related("indicateur"))


def trend_label(values: list) -> str:
    """The direction of the last change, in words (never by colour alone)."""
    known = [v for v in values if v is not None]
    if len(known) < 2:
        return "—"
    if known[-1] > known[-2]:
        return "En hausse"
    if known[-1] < known[-2]:
        return "En baisse"
    return "Stable"


@dataclass
class IndicatorRow:
    indicateur: object
    scope: str
    values: list  # ValeurIndicateur or None, one per year of the table
    trend: str = ""
    chart: dict | None = None

    @property
    def latest(self):
        return next((v for v in reversed(self.values) if v is not None), None)


@dataclass
class IndicatorTable:
    years: list
    rows: list = field(default_factory=list)

    @property
    def year_labels(self):
        return [f"{y}-{y + 1}" for y in self.years]


def indicator_table(*, etablissement, max_years: int = 5) -> IndicatorTable:
    """Every indicator of the school as one row (per scope), its values over the last `max_years` years."""
    values = list(
        ValeurIndicateur.objects.filter(etablissement=etablissement)
        .select_related("indicateur")
        .order_by("indicateur__order", "indicateur__label", "scope_key", "year")
    )
    years = sorted({v.year for v in values})[-max_years:]
    by_key = defaultdict(dict)
    for v in values:
        by_key[(v.indicateur, v.scope_key)][v.year] = v
    table = IndicatorTable(years=years)
    for (indicateur, _key), per_year in by_key.items():
        cells = [per_year.get(y) for y in years]
        numbers = [c.value if c else None for c in cells]
        scope = per_year[max(per_year)].scope  # the label of the latest value
        table.rows.append(
            IndicatorRow(
                indicateur=indicateur, scope=scope, values=cells, trend=trend_label(numbers), chart=sparkline(numbers)
            )
        )
    return table


# --- Questionnaires ---------------------------------------------------------------------------------------------


def questionnaire_sections(*, questionnaire) -> list[Section]:
    return list(
        questionnaire.sections.prefetch_related(Prefetch("questions", queryset=Question.objects.order_by("order")))
    )


def respondents(*, programme, questionnaire) -> list[Reponse]:
    """Everybody who has started or sent answers, with the status (not the content of drafts)."""
    return list(
        Reponse.objects.filter(programme=programme, questionnaire=questionnaire)
        .select_related("respondent")
        .order_by("respondent__last_name", "respondent__first_name", "pk")
    )


@dataclass
class QuestionAnswers:
    question: Question
    answers: list  # (reponse, Answer | None), one per submitted respondent


def side_by_side(*, programme, questionnaire) -> tuple[list, list]:
    """The submitted answers to each question, respondent by respondent: (reponses, [(section, [QuestionAnswers])])."""
    reponses = [r for r in respondents(programme=programme, questionnaire=questionnaire) if r.is_submitted]
    items = defaultdict(list)
    for item in inventory_items(programme=programme, reponses=reponses):
        items[item.reponse_id].append(item)
    for r in reponses:
        r.listed_items = items[r.pk]
    answers = {(a.reponse_id, a.question_id): a for a in Answer.objects.filter(reponse__in=[r.pk for r in reponses])}
    sections = []
    for section in questionnaire_sections(questionnaire=questionnaire):
        rows = [
            QuestionAnswers(question=q, answers=[(r, answers.get((r.pk, q.pk))) for r in reponses])
            for q in section.questions.all()
        ]
        sections.append((section, rows))
    return reponses, sections


AUDIENCE_ROLES = {Public.DIRECTION: (Role.DIRECTION,), Public.EQUIPES: (Role.DIRECTION, Role.REDACTEUR)}


def expected_respondents(*, programme, questionnaire) -> list:
    """The school's people who are asked to answer (`Questionnaire.audience`), by name. One query."""
    roles = AUDIENCE_ROLES.get(questionnaire.audience, ())
    memberships = (
        Membership.objects.filter(
            etablissement_id=programme.ppo.etablissement_id,
            role__in=roles,
            is_active=True,
            confirmed_at__isnull=False,
            user__is_active=True,
        )
        .select_related("user")
        .order_by("user__last_name", "user__first_name", "user__pk")
    )
    people = {}
    for m in memberships:
        people.setdefault(m.user_id, m.user)
    return list(people.values())


@dataclass
class QuestionCounts:
    question: Question
    answered: int  # submitted answers that say something (a choice, yes or no, a number, a text, an action)
    counts: list  # (label, count) for yes/no and choices; empty otherwise
    numbers: dict | None = None  # n, min, max, mean, sum of the numbers given


@dataclass
class Aggregate:
    submitted: list  # Reponse, sent
    drafts: list  # Reponse, started but not sent (their content stays private)
    missing: list  # User expected to answer who has not started
    sections: list  # (section, [QuestionCounts])


def aggregated(*, programme, questionnaire) -> Aggregate:
    """Per question, how many of the submitted answers say what; who has not answered yet. Fixed number of queries."""
    people = respondents(programme=programme, questionnaire=questionnaire)
    submitted = [r for r in people if r.is_submitted]
    started = {r.respondent_id for r in people}
    missing = [
        u for u in expected_respondents(programme=programme, questionnaire=questionnaire) if u.pk not in started
    ]
    answers = defaultdict(list)
    for a in Answer.objects.filter(reponse__in=[r.pk for r in submitted]):
        answers[a.question_id].append(a)
    items = Counter(
        ActionInventaire.objects.filter(reponse__in=[r.pk for r in submitted]).values_list("reponse_id", flat=True)
    )
    sections = []
    for section in questionnaire_sections(questionnaire=questionnaire):
        rows = []
        for q in section.questions.all():
            given = answers.get(q.pk, [])
            if q.kind == TypeQuestion.ACTIONS:
                rows.append(
                    QuestionCounts(
                        question=q,
                        answered=len(items),
                        counts=[("Actions listées", sum(items.values()))],
                    )
                )
                continue
            counts, numbers = [], None
            if q.kind == TypeQuestion.OUI_NON:
                counts = [
                    ("Oui", sum(1 for a in given if a.yes_no is True)),
                    ("Non", sum(1 for a in given if a.yes_no is False)),
                ]
            elif q.kind == TypeQuestion.CHOIX:
                tally = Counter(a.choice for a in given if a.choice)
                counts = [(c, tally.get(c, 0)) for c in q.choices]
                counts += [(c, n) for c, n in tally.items() if c not in q.choices]  # a choice since removed
            elif q.kind == TypeQuestion.NOMBRE:
                values = [a.number for a in given if a.number is not None]
                if values:
                    numbers = {
                        "n": len(values),
                        "min": min(values),
                        "max": max(values),
                        "sum": sum(values),
                        "mean": round(sum(values) / len(values), 2),
                    }
            said = sum(1 for a in given if a.text.strip() or a.yes_no is not None or a.choice or a.number is not None)
            rows.append(QuestionCounts(question=q, answered=said, counts=counts, numbers=numbers))
        sections.append((section, rows))
    drafts = [r for r in people if not r.is_submitted]
    return Aggregate(submitted=submitted, drafts=drafts, missing=missing, sections=sections)


def inventory_count(*, programme) -> int:
    return ActionInventaire.objects.filter(reponse__programme=programme, reponse__status=StatutReponse.SOUMISE).count()


def inventory_items(*, programme, reponses=None) -> list[ActionInventaire]:
    """Items of the given answers (default: every submitted answer of the programme), oldest first."""
    items = ActionInventaire.objects.select_related("reponse__respondent", "axe", "action").prefetch_related("niveaux")
    if reponses is None:
        items = items.filter(reponse__programme=programme, reponse__status=StatutReponse.SOUMISE)
    else:
        items = items.filter(reponse__in=reponses)
    return list(items.order_by("reponse__respondent__last_name", "pk"))


# --- Synthesis --------------------------------------------------------------------------------------------------


@dataclass
class ObjectifView:
    objectif: object
    series: list  # ValeurIndicateur, oldest first
    trend: str
    chart: dict | None
    latest: object = None


def objectifs_with_trend(*, programme) -> list[ObjectifView]:
    objectifs = list(programme.objectifs_cibles.select_related("indicateur", "priorite"))
    values = ValeurIndicateur.objects.filter(
        etablissement_id=programme.ppo.etablissement_id, indicateur__in={o.indicateur_id for o in objectifs}
    ).order_by("year")
    series = defaultdict(list)
    for v in values:
        series[(v.indicateur_id, v.scope_key)].append(v)
    views = []
    for o in objectifs:
        s = series.get((o.indicateur_id, scope_key(o.scope)), [])
        numbers = [v.value for v in s]
        views.append(
            ObjectifView(
                objectif=o,
                series=s,
                trend=trend_label(numbers),
                chart=sparkline(numbers, target=o.target),
                latest=s[-1] if s else None,
            )
        )
    return views


def axes_by_category(*, programme) -> list[tuple[str, list]]:
    grouped = defaultdict(list)
    for axe in programme.axes_amelioration.all():
        grouped[axe.get_category_display()].append(axe)
    return list(grouped.items())


@dataclass
class ProgressionRow:
    title: str
    axe: object
    cells: list  # per year of the PPO: list of level short labels, or None when the action does not run


def progression_table(*, ppo) -> tuple[list[int], list[ProgressionRow]]:
    """Which action runs in which year and level; actions carried forward (`copied_from`) share one row."""
    years = list(range(ppo.first_year, ppo.last_year + 1))
    actions = list(
        Action.objects.filter(programme__ppo=ppo)
        .select_related("programme", "axe")
        .prefetch_related("niveaux")
        .order_by("programme__year", "axe__number", "order", "pk")
    )
    by_pk = {a.pk: a for a in actions}

    def root(action):
        seen = set()
        while action.copied_from_id in by_pk and action.pk not in seen:
            seen.add(action.pk)
            action = by_pk[action.copied_from_id]
        return action

    chains = defaultdict(list)
    for action in actions:
        chains[root(action).pk].append(action)
    rows = []
    for chain in chains.values():
        latest = chain[-1]
        cells = dict.fromkeys(years)
        for action in chain:
            cells[action.programme.year] = [n.short_label for n in action.niveaux.all()]
        rows.append(ProgressionRow(title=latest.title, axe=latest.axe, cells=[cells[y] for y in years]))
    rows.sort(key=lambda row: (row.axe.number, row.title.lower()))
    return years, rows
