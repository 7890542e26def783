"""The year's bilan as a section of the Word and PDF exports (figures of a small hand-built follow-up)."""

import io
from decimal import Decimal

import pytest
from docx import Document
from pypdf import PdfReader

from ppo.comptes.enums import Role
from ppo.documents import wording
from ppo.documents.builders.pdf import build_pdf
from ppo.documents.builders.word import build_docx
from ppo.documents.selectors import programme_document
from ppo.documents.services import word_import_confirm, word_import_prepare
from ppo.referentiel.models import Niveau
from ppo.suivi.enums import Evaluation, StatutSuivi
from ppo.suivi.models import Bilan, SuiviAction
from tests.documents.factories import rich_programme
from tests.documents.test_round_trip import _diagnostic, _snapshot
from tests.factories import EtablissementFactory, user_with

TITLE = f"{wording.BILAN_TITLE} 2025-2026"
SYNTHESIS = "Une année riche en découvertes pour les secondes."
COMMENT = "Très bon retour des élèves, à refaire."


def _follow_up(programme):
    """Two actions done (one on two levels), one cancelled, one left planned; a bilan with two texts."""
    actions = {a.title: a for a in programme.actions.all()}
    SuiviAction.objects.create(
        action=actions["Entretiens personnalisés d’orientation"],
        status=StatutSuivi.REALISEE,
        hours_spent=Decimal("3"),
        girls=20,
        boys=25,
        partners_other="CIO de Granville",
        evaluation=Evaluation.OUI,
        comment=COMMENT,
    )
    SuiviAction.objects.create(
        action=actions["Visite d’entreprise du bassin"],
        status=StatutSuivi.REALISEE,
        hours_spent=Decimal("4"),
        girls=7,
        boys=11,
        partners_other="Entreprise Acier Normand",
        evaluation=Evaluation.PARTIELLEMENT,
    )
    SuiviAction.objects.create(
        action=actions["Forum des formations"], status=StatutSuivi.ANNULEE, reason="Salle indisponible."
    )
    Bilan.objects.create(programme=programme, synthesis=SYNTHESIS, next_steps="Reprendre le forum au printemps.")
    return programme


@pytest.fixture
def followed(rich):
    return _follow_up(rich)


def _label(code):
    return Niveau.objects.get(code=code).short_label


def _table(doc, first_header):
    return next(t for t in doc.tables if t.rows[0].cells[0].text == first_header)


def _rows(table):
    return {row.cells[0].text: [c.text for c in row.cells] for row in table.rows[1:]}


def test_word_has_the_bilan_section_with_its_figures(followed):
    doc = Document(io.BytesIO(build_docx(programme_document(programme=followed))))
    headings = [p.text for p in doc.paragraphs if p.style.name.startswith("Heading")]
    assert TITLE in headings
    assert headings.index(TITLE) > headings.index(wording.CALENDAR_TITLE)
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "Actions : 4 prévues, 2 réalisées, 0 reportées, 1 annulées, 1 encore à faire." in text
    assert "Heures : 7 réalisées sur 8,5 prévues." in text
    # By hand: 2nde 2,5 + 1re 2,5 + 3e PM 6 = 11 h planned by level, 3 + 3 + Tle 4 = 10 h delivered.
    assert (
        "La somme des niveaux (11 h prévues, 10 h réalisées) diffère du total de l’établissement, où chaque action "
        "compte une fois (8,5 h prévues, 7 h réalisées) : 1 action sur plusieurs niveaux compte une fois pour chacun "
        "de ses niveaux (+2,5 h prévues, +3 h réalisées par rapport au total)."
    ) in text
    assert "Élèves touchés : 63 (27 filles, 36 garçons, 43 % de filles)." in text
    assert "Effets attendus atteints : oui pour 1 action(s), partiellement pour 1 action(s)." in text
    axes = _rows(_table(doc, "Axe"))
    assert [row[1:] for row in axes.values()] == [["1", "1", "0", "0", "0"], ["2", "1", "0", "0", "1"]] + [
        ["1", "0", "0", "1", "0"]
    ]
    levels = _rows(_table(doc, "Niveau"))
    assert levels[_label("tle-pro")][1:5] == ["1", "1", "0", "4"]
    assert levels[_label("tle-pro")][6:] == ["7", "11", "18"]
    assert levels[_label("2nde-pro")][1:5] == ["1", "1", "2,5", "3"]
    assert levels[_label("2nde-pro")][6:] == ["0", "0", "0"]  # the two-level action is counted on its own line
    assert levels["Actions sur plusieurs niveaux"][2] == "1"
    assert levels["Actions sur plusieurs niveaux"][6:] == ["20", "25", "45"]
    partners = _rows(_table(doc, "Partenaire"))
    # Written on the action and recorded again in its follow-up: counted once.
    assert partners == {"CIO de Granville": ["CIO de Granville", "1", "1"], "Entreprise Acier Normand": [
        "Entreprise Acier Normand", "1", "1"]}  # fmt: skip
    assert _rows(_table(doc, "Catégorie")) == {
        "Comité Local École Entreprise (CLEE)": ["Comité Local École Entreprise (CLEE)", "1", "1"],
        "Mission locale": ["Mission locale", "1", "1"],
    }
    # The team's texts and the comments of the follow-up are in the full version.
    assert "Synthèse de l’année" in headings
    assert SYNTHESIS in text
    all_cells = "\n".join(c.text for t in doc.tables for row in t.rows for c in row.cells)
    assert COMMENT in all_cells
    assert "Salle indisponible." in all_cells


def test_objectives_of_the_bilan_show_baseline_target_and_latest(followed, direction):
    _diagnostic(followed, direction)
    from ppo.diagnostic.models import ValeurIndicateur

    objectif = followed.objectifs_cibles.get()
    ValeurIndicateur.objects.create(
        etablissement=followed.ppo.etablissement,
        indicateur=objectif.indicateur,
        scope="voie scolaire",
        year=2025,
        value=Decimal("44.25"),
    )
    doc = Document(io.BytesIO(build_docx(programme_document(programme=followed))))
    [row] = _rows(_table(doc, "Indicateur")).values()
    unit = f" {objectif.indicateur.unit_symbol}" if objectif.indicateur.unit_symbol else ""
    assert row[1:] == [f"41,5{unit} en 2024", f"50{unit} en 2027", f"44,25{unit} en 2025"]


def _pdf_text(content):
    reader = PdfReader(io.BytesIO(build_pdf(content)))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def test_full_pdf_has_the_figures_and_the_texts(followed):
    text = _pdf_text(programme_document(programme=followed))
    assert TITLE in text
    assert "Élèves touchés : 63 (27 filles, 36 garçons, 43 % de filles)." in text
    assert "Actions sur plusieurs niveaux" in text
    assert SYNTHESIS in text
    assert COMMENT in text


def test_family_pdf_has_the_figures_but_no_internal_text(followed):
    content = programme_document(programme=followed, public=True)
    assert content.bilan.texts == ()
    assert "Commentaires du suivi des actions" not in [t.caption for t in content.bilan.tables]
    text = _pdf_text(content)
    assert TITLE in text
    assert "Heures : 7 réalisées sur 8,5 prévues." in text
    # By hand: 2nde 2,5 + 1re 2,5 + 3e PM 6 = 11 h planned by level, 3 + 3 + Tle 4 = 10 h delivered.
    assert (
        "La somme des niveaux (11 h prévues, 10 h réalisées) diffère du total de l’établissement, où chaque action "
        "compte une fois (8,5 h prévues, 7 h réalisées) : 1 action sur plusieurs niveaux compte une fois pour chacun "
        "de ses niveaux (+2,5 h prévues, +3 h réalisées par rapport au total)."
    ) in text
    assert "Élèves touchés : 63 (27 filles, 36 garçons, 43 % de filles)." in text
    assert SYNTHESIS not in text
    assert COMMENT not in text
    assert "Salle indisponible." not in text


def test_no_bilan_section_without_follow_up_or_bilan(rich):
    content = programme_document(programme=rich)
    assert content.bilan is None
    doc = Document(io.BytesIO(build_docx(content)))
    assert not any(p.text.startswith(wording.BILAN_TITLE) for p in doc.paragraphs)


def test_a_bilan_alone_is_enough_to_show_the_section(rich):
    Bilan.objects.create(programme=rich, synthesis=SYNTHESIS)
    content = programme_document(programme=rich)
    assert content.bilan.title == TITLE
    assert content.bilan.summary[0] == "Actions : 4 prévues, 0 réalisées, 0 reportées, 0 annulées, 4 encore à faire."


def test_word_import_ignores_the_bilan_section(followed, direction):
    _diagnostic(followed, direction)
    data = build_docx(programme_document(programme=followed))
    word_import = word_import_prepare(ppo=followed.ppo, year=2026, user=direction, filename="ppo.docx", data=data)
    assert word_import.parsed["unrecognised"] == []
    assert word_import.parsed["warnings"] == []
    imported = word_import_confirm(word_import=word_import, user=direction, other_year=True)
    assert _snapshot(imported) == _snapshot(followed)
    assert imported.notes == followed.notes
    assert not SuiviAction.objects.filter(action__programme=imported).exists()


def test_document_with_a_bilan_takes_a_fixed_number_of_queries(lp, direction, django_assert_num_queries):
    small = _follow_up(rich_programme(etablissement=lp, user=direction))
    other = EtablissementFactory(lp=True)
    large = _follow_up(
        rich_programme(etablissement=other, user=user_with(Role.DIRECTION, etablissement=other), extra_actions=40)
    )
    SuiviAction.objects.bulk_create(
        SuiviAction(action=action, status=StatutSuivi.REALISEE, girls=1, boys=1)
        for action in large.actions.filter(suivi__isnull=True)
    )
    for programme in (small, large):
        with django_assert_num_queries(12 + 17):
            programme_document(programme=programme)
