"""Writes of the diagnostic: indicator values (typed or imported), questionnaire answers, inventory, synthesis."""

import logging
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from ppo.campagnes.selectors import campagne_for
from ppo.diagnostic.enums import SourceValeur, StatutReponse, TypeQuestion
from ppo.diagnostic.importers.base import ImportRefused, read_table
from ppo.diagnostic.importers.formats import detect, ensure_year
from ppo.diagnostic.models import (
    ActionInventaire,
    Answer,
    AxeAmelioration,
    ImportIndicateurs,
    Indicateur,
    ObjectifCible,
    Reponse,
    ValeurIndicateur,
)
from ppo.diagnostic.validation import check_value, scope_key, scope_label, value_error
from ppo.plans.enums import OrigineAction
from ppo.plans.services import action_create
from ppo.referentiel.csvfile import Skipped
from ppo.referentiel.models import Etablissement

# --- Indicators -------------------------------------------------------------------------------------------------


def series_label(*, etablissement_id, indicateur_id, scope: str) -> str:
    """The label a précision takes: the one of the existing series with the same key (one series, one label)."""
    key = scope_key(scope)
    existing = (
        ValeurIndicateur.objects.filter(etablissement_id=etablissement_id, indicateur_id=indicateur_id, scope_key=key)
        .order_by("-imported_at")
        .values_list("scope", flat=True)
        .first()
    )
    return existing if existing is not None else scope_label(scope)


def valeur_save(*, etablissement, indicateur, year: int, value: Decimal, scope: str = "", user) -> ValeurIndicateur:
    """Types one value; typing again the same indicator, year and précision (« Ensemble » = blank, case and accents
    aside) replaces it. A value outside the indicator's range raises ValidationError and writes nothing."""
    check_value(indicateur=indicateur, value=value, field="value")
    label = series_label(etablissement_id=etablissement.pk, indicateur_id=indicateur.pk, scope=scope)
    valeur, _ = ValeurIndicateur.objects.update_or_create(
        etablissement=etablissement,
        indicateur=indicateur,
        year=year,
        scope_key=scope_key(label),
        defaults={
            "scope": label,
            "value": value,
            "source": SourceValeur.SAISIE,
            "source_detail": "",
            "entered_by": user,
        },
    )
    return valeur


def valeur_delete(*, valeur: ValeurIndicateur) -> None:
    """Removes a wrong value (typed or imported); a later import may bring it back."""
    valeur.delete()


SKIP_OTHER_SCHOOL = "ligne d’un autre établissement"
SKIP_UNKNOWN_UAI = "UAI inconnu de la plateforme"
PROGRESS_EVERY = 500


@dataclass
class ImportReport:
    format_label: str
    rows_read: int = 0
    values_written: int = 0
    not_published: int = 0
    schools_matched: set = field(default_factory=set)
    unknown_uais: set = field(default_factory=set)
    other_rows_ignored: int = 0
    skipped_rows: list[Skipped] = field(default_factory=list)

    @property
    def summary(self) -> str:
        parts = [
            f"{self.format_label} : {self.rows_read} ligne(s) lue(s)",
            f"{len(self.schools_matched)} établissement(s) reconnu(s)",
            f"{self.values_written} valeur(s) enregistrée(s)",
            f"{self.not_published} valeur(s) non publiée(s)",
        ]
        if self.unknown_uais:
            parts.append(f"{len(self.unknown_uais)} UAI inconnu(s) de la plateforme")
        if self.other_rows_ignored:
            parts.append(f"{self.other_rows_ignored} ligne(s) d’autres établissements ignorée(s)")
        return ", ".join(parts) + "."


def valeurs_import(
    *, name: str, data: bytes, user=None, etablissement=None, year: int | None = None, progress=None
) -> ImportReport:
    """Imports a file of indicator values, all or nothing.

    With `etablissement` (a school imports its own file): rows of other UAIs are ignored and counted.
    Without (the national import command): every row whose UAI is known to the platform is written.
    Raises `ImportRefused` with a French message when the file is unknown, broken or inconsistent.
    `progress(done, total)` is called every few hundred rows read (the command's bar, the background page).
    """
    header, rows = read_table(name=name, data=data)
    fmt = detect(header)
    year = ensure_year(fmt, name=name, year=year)
    parsed = []
    for p in fmt.parse(header, rows, year=year):
        if progress is not None and (not parsed or p.line != parsed[-1].line) and p.line % PROGRESS_EVERY == 0:
            progress(p.line - 1, len(rows))
        parsed.append(p)
    report = ImportReport(format_label=fmt.label, rows_read=len(rows))

    by_code = {i.code: i for i in Indicateur.objects.all()}
    indicateurs = {code: i.pk for code, i in by_code.items()}
    unknown_codes = sorted({p.code for p in parsed if p.code not in indicateurs})
    if unknown_codes:
        raise ImportRefused(
            "Le fichier cite des indicateurs inconnus : rien n’a été enregistré.",
            [f"Code inconnu : « {code} »" for code in unknown_codes[:20]]
            + ["Les codes reconnus figurent dans le modèle à télécharger."],
        )
    if etablissement is not None:
        schools = {etablissement.uai: etablissement.pk}
    else:
        if any(p.uai is None for p in parsed):
            raise ImportRefused("Un import national exige une colonne « uai ».")
        uais = {p.uai for p in parsed}
        schools = dict(Etablissement.objects.filter(uai__in=uais).values_list("uai", "pk"))

    values, ignored_lines, out_of_range = {}, set(), []
    for p in parsed:
        uai = p.uai or (etablissement.uai if etablissement else None)
        if uai not in schools:
            if p.line not in ignored_lines:
                reason = SKIP_OTHER_SCHOOL if etablissement is not None else SKIP_UNKNOWN_UAI
                report.skipped_rows.append(Skipped(line=p.line, key=uai or "", reason=reason))
            ignored_lines.add(p.line)
            if etablissement is None:
                report.unknown_uais.add(uai)
            continue
        report.schools_matched.add(uai)
        if p.value is None:
            report.not_published += 1
            continue
        if error := value_error(indicateur=by_code[p.code], value=p.value):
            out_of_range.append(f"Ligne {p.line} : {error}")
        label = scope_label(p.scope)  # « Ensemble » and blank, « apprentis » and « Apprentis »: one series
        values[(schools[uai], indicateurs[p.code], p.year, scope_key(label))] = (label, p.value)
    if out_of_range:
        more = len(out_of_range) - 20
        raise ImportRefused(
            "Le fichier contient des valeurs hors de l’intervalle admis pour leur indicateur : rien n’a été enregistré.",
            out_of_range[:20] + ([f"… et {more} autre(s)."] if more > 0 else []),
        )
    report.other_rows_ignored = len(ignored_lines) if etablissement is not None else 0

    objects = [
        ValeurIndicateur(
            etablissement_id=school_id,
            indicateur_id=indicateur_id,
            year=value_year,
            scope=scope,
            scope_key=key,
            value=value,
            source=fmt.source,
            source_detail=name[:200],
            entered_by=user,
        )
        for (school_id, indicateur_id, value_year, key), (scope, value) in values.items()
    ]
    with transaction.atomic():
        ValeurIndicateur.objects.bulk_create(
            objects,
            batch_size=500,
            update_conflicts=True,
            unique_fields=["etablissement", "indicateur", "year", "scope_key"],
            update_fields=["scope", "value", "source", "source_detail", "imported_at", "entered_by"],
        )
    report.values_written = len(objects)
    if progress is not None:
        progress(len(rows), len(rows))
    return report


# A file larger than this is imported by the background worker, its page showing the progress (issue 12): about
# 1,000 rows of a DEPP file of 90 columns, a few seconds of work.
BACKGROUND_FROM_BYTES = 200_000

logger = logging.getLogger(__name__)


def import_job_start(*, programme, user, name: str, data: bytes, year: int | None = None) -> ImportIndicateurs:
    """Records a web import of the programme's school; runs it now when the file is small, otherwise asks the
    background worker (ADR 011) and returns at once: the job's page shows its progress."""
    job = ImportIndicateurs.objects.create(programme=programme, user=user, file_name=name[:200], data=data, year=year)
    if len(data) > BACKGROUND_FROM_BYTES:
        from ppo.diagnostic.tasks import run_indicateurs_import

        run_indicateurs_import.enqueue(job.pk)
    else:
        import_job_run(job_id=job.pk)
    job.refresh_from_db()
    return job


def import_job_run(*, job_id: int) -> None:
    """Runs a recorded import, all or nothing, keeping its progress, result and skipped rows on the job."""
    job = ImportIndicateurs.objects.select_related("programme__ppo__etablissement", "user").get(pk=job_id)
    if job.is_finished:
        return
    jobs = ImportIndicateurs.objects.filter(pk=job.pk)
    jobs.update(status=ImportIndicateurs.Statut.EN_COURS)

    def progress(done: int, total: int) -> None:
        jobs.update(done=done, total=total)

    try:
        report = valeurs_import(
            name=job.file_name,
            data=bytes(job.data),
            user=job.user,
            etablissement=job.programme.ppo.etablissement,
            year=job.year,
            progress=progress,
        )
    except ImportRefused as refused:
        result = {
            "status": ImportIndicateurs.Statut.REFUSE,
            "refused_message": refused.message,
            "refused_details": refused.details,
        }
    except Exception:
        logger.exception("Import d’indicateurs %s en échec", job.pk)
        result = {"status": ImportIndicateurs.Statut.ECHEC}
    else:
        result = {
            "status": ImportIndicateurs.Statut.TERMINE,
            "summary": report.summary,
            "values_written": report.values_written,
            "skipped": [[s.line, s.key, s.reason] for s in report.skipped_rows],
            "done": report.rows_read,
            "total": report.rows_read,
        }
    jobs.update(**result, data=b"", finished_at=timezone.now())


# --- Questionnaires ---------------------------------------------------------------------------------------------


def reponse_get_or_create(*, programme, questionnaire, user) -> Reponse:
    reponse, _ = Reponse.objects.get_or_create(programme=programme, questionnaire=questionnaire, respondent=user)
    return reponse


@transaction.atomic
def reponse_save(*, reponse, answers: dict, submit: bool = False) -> Reponse:
    """Saves the answers of one respondent (`answers`: question → dict of Answer fields); `submit` sends them."""
    existing = {a.question_id: a for a in reponse.answers.all()}
    for question, values in answers.items():
        answer = existing.get(question.pk) or Answer(reponse=reponse, question=question)
        answer.text = values.get("text", "") or ""
        answer.yes_no = values.get("yes_no") if question.kind == TypeQuestion.OUI_NON else None
        answer.number = values.get("number") if question.kind == TypeQuestion.NOMBRE else None
        answer.choice = (values.get("choice") or "") if question.kind == TypeQuestion.CHOIX else ""
        answer.save()
    if submit:
        reponse.status = StatutReponse.SOUMISE
        reponse.submitted_at = timezone.now()
    reponse.save()
    return reponse


@transaction.atomic
def inventaire_item_add(*, reponse, title: str, niveaux, axe=None, **fields) -> ActionInventaire:
    item = ActionInventaire.objects.create(reponse=reponse, title=title, axe=axe, **fields)
    item.niveaux.set(niveaux)
    reponse.save(update_fields=["updated_at"])
    return item


def inventaire_item_delete(*, item) -> None:
    if item.action_id:
        raise ValueError("Cette action a déjà été reprise dans le plan : elle ne peut plus être supprimée.")
    item.delete()


@transaction.atomic
def inventaire_item_convert(*, item, programme, user, axe, niveaux, **fields):
    """Turns an inventoried action into an action of the plan (through the plans service) and marks it."""
    if item.action_id:
        raise ValueError("Cette action a déjà été reprise dans le plan.")
    action = action_create(
        programme=programme, user=user, axe=axe, niveaux=niveaux, origin=OrigineAction.INVENTAIRE, **fields
    )
    item.action = action
    item.converted_at = timezone.now()
    item.converted_by = user
    item.save(update_fields=["action", "converted_at", "converted_by"])
    return action


# --- Synthesis --------------------------------------------------------------------------------------------------


def objectif_save(*, objectif: ObjectifCible) -> ObjectifCible:
    """Creates or updates a target objective; without a baseline, the latest known value of the indicator is taken.

    The précision joins the existing series (case and accents aside); a baseline or a target outside the
    indicator's range raises ValidationError (through `full_clean`, `ObjectifCible.clean`)."""
    etablissement_id = objectif.programme.ppo.etablissement_id
    objectif.scope = series_label(
        etablissement_id=etablissement_id, indicateur_id=objectif.indicateur_id, scope=objectif.scope
    )
    if objectif.baseline is None:
        latest = (
            ValeurIndicateur.objects.filter(
                etablissement_id=etablissement_id,
                indicateur_id=objectif.indicateur_id,
                scope_key=scope_key(objectif.scope),
            )
            .order_by("-year")
            .first()
        )
        if latest is not None:
            objectif.baseline, objectif.baseline_year = latest.value, latest.year
    _check_priorite(objectif)
    if objectif.pk is None:
        last = objectif.programme.objectifs_cibles.order_by("-order").values_list("order", flat=True).first()
        objectif.order = (last or 0) + 1
    objectif.full_clean()
    objectif.save()
    return objectif


def _check_priorite(objectif: ObjectifCible) -> None:
    """A linked priority must belong to the campaign of the school's académie for the programme's year."""
    if objectif.priorite_id is None:
        return
    programme = objectif.programme
    campagne = campagne_for(etablissement=programme.ppo.etablissement, year=programme.year)
    if campagne is None or objectif.priorite.campagne_id != campagne.pk:
        raise ValidationError(
            {
                "priorite": f"Cette priorité n’est pas une priorité de la campagne {programme.year_label} de votre académie."
            }
        )


def objectif_delete(*, objectif: ObjectifCible) -> None:
    objectif.delete()


def axe_amelioration_create(*, programme, category: str, text: str) -> AxeAmelioration:
    last = programme.axes_amelioration.order_by("-order").values_list("order", flat=True).first()
    axe = AxeAmelioration(programme=programme, category=category, text=text.strip(), order=(last or 0) + 1)
    axe.full_clean()
    axe.save()
    return axe


def axe_amelioration_delete(*, axe: AxeAmelioration) -> None:
    axe.delete()
