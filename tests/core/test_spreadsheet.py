"""Issue 12: no file the platform writes turns a user's text into a formula; numbers and dates keep their types.

Each export is downloaded as its user downloads it, then read as Excel reads it: the XML of the workbook (no
`<f>` element anywhere, the text in a string cell (`t="inlineStr"`) with the « quote prefix » style) and the text of the CSV.
"""

import csv
import datetime
import io
import xml.etree.ElementTree as ET
import zipfile
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import Workbook, load_workbook

from ppo.campagnes.models import Priorite
from ppo.comptes.enums import Role
from ppo.core.spreadsheet import Percent, csv_cell, write_csv, xlsx_append
from ppo.diagnostic.models import Indicateur
from ppo.plans.enums import CategorieRessource
from ppo.plans.models import RessourceItem
from ppo.referentiel.models import Academie
from tests.campagnes import factories
from tests.factories import BassinFactory, EtablissementFactory, user_with

pytestmark = pytest.mark.django_db

NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
PAYLOADS = [
    '=HYPERLINK("http://exemple.test/?vol","clic")',
    "+1+1",
    "-2+3+cmd|' /C calc'!A0",
    "@SOMME(1;1)",
    "\t=1+1",
    "\r=1+1",
]
ACADEMIE_TABLES = ["statuts", "couverture", "types", "partenaires", "axes", "heures", "mixite", "decouverte"]


def _workbook_cells(data: bytes) -> list[dict]:
    """Every cell of every sheet, read from the XML: its type, its text and whether its style has a quote prefix.
    Fails if any sheet holds a formula."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = archive.namelist()
        shared = []
        if "xl/sharedStrings.xml" in names:
            root = ET.fromstring(archive.read("xl/sharedStrings.xml"))
            shared = ["".join(t.text or "" for t in si.iter(f"{NS}t")) for si in root.iter(f"{NS}si")]
        xfs = ET.fromstring(archive.read("xl/styles.xml")).find(f"{NS}cellXfs")
        quoted = [xf.get("quotePrefix") == "1" for xf in xfs]
        cells = []
        for name in names:
            if not name.startswith("xl/worksheets/sheet"):
                continue
            root = ET.fromstring(archive.read(name))
            assert root.find(f".//{NS}f") is None, f"formule dans {name}"
            for c in root.iter(f"{NS}c"):
                kind, v = c.get("t"), c.find(f"{NS}v")
                if kind == "inlineStr":
                    text = "".join(t.text or "" for t in c.iter(f"{NS}t"))
                else:
                    text = shared[int(v.text)] if kind == "s" else (v.text if v is not None else None)
                cells.append({"type": kind, "text": text, "quoted": quoted[int(c.get("s", 0))]})
    return cells


def _assert_text_cell(data: bytes, payload: str, where: str):
    cells = [c for c in _workbook_cells(data) if c["text"] == payload]
    assert cells, f"{payload!r} absent de {where}"
    assert all(c["type"] in ("inlineStr", "s") and c["quoted"] for c in cells), (where, cells)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_user_text_never_becomes_a_formula_in_any_export(client, payload):
    normandie = Academie.objects.get(code="70")
    campagne = factories.campagne(academie=normandie)
    Priorite.objects.create(campagne=campagne, text=payload, indicator_label=payload)
    partner = RessourceItem.objects.create(category=CategorieRessource.PARTENARIATS, label=payload)
    school = EtablissementFactory(lp=True, name=payload, commune=payload, bassin=BassinFactory(name=payload))
    programme = factories.programme(school)
    text_fields = ["objective", "actors_other", "period", "description", "partners", "classes"]
    factories.action(
        programme,
        title=payload,
        partner_items=[partner],
        hours=Decimal("2.5"),
        internal_comment=payload,
        **dict.fromkeys(text_fields, payload),
    )
    factories.transmitted(programme)

    # The programme's Excel export, read by its school.
    client.force_login(programme.ppo.created_by)
    export = client.get(reverse("documents:download", args=[programme.pk, "xlsx"]))
    assert export.status_code == 200
    _assert_text_cell(export.content, payload, "l’export Excel du programme")

    # Each export of the académie: every table, all of them at once, and the list of schools behind a figure.
    client.force_login(user_with(Role.ACADEMIE, academie=normandie))
    url = reverse("pilotage:export")
    for table in [*ACADEMIE_TABLES, "tout", "etablissements"]:
        response = client.get(url, {"annee": 2025, "table": table, "etat": "transmis"})
        assert response.status_code == 200, table
        _workbook_cells(response.content)  # no formula anywhere
    for table in ["partenaires", "tout", "etablissements"]:
        _assert_text_cell(client.get(url, {"annee": 2025, "table": table}).content, payload, f"l’export {table}")

    # The indicator templates (labels and sources of the indicators are text typed in the admin).
    Indicateur.objects.filter(pk=Indicateur.objects.order_by("order").first().pk).update(label=payload, source=payload)
    xlsx = client.get(reverse("diagnostic:import_template", kwargs={"ext": "xlsx"}))
    _assert_text_cell(xlsx.content, payload, "le modèle XLSX des indicateurs")
    template = client.get(reverse("diagnostic:import_template", kwargs={"ext": "csv"})).content.decode("utf-8-sig")
    fields = [field for row in csv.reader(io.StringIO(template, newline=""), delimiter=";") for field in row]
    assert fields and not [f for f in fields if f.startswith(("=", "+", "-", "@", "\t", "\r"))]

    # Any CSV: the shared writer puts an apostrophe before the text, and only there.
    out = io.StringIO()
    write_csv(out, [["intitulé", "heures"], [payload, Decimal("2.5")], [payload, -3]])
    rows = list(csv.reader(io.StringIO(out.getvalue(), newline=""), delimiter=";"))
    assert rows[1:] == [["'" + payload, "2,5"], ["'" + payload, "-3"]]


def test_numbers_and_dates_keep_their_types(client):
    school = EtablissementFactory(lp=True)
    programme = factories.programme(school)
    factories.action(
        programme,
        title="Forum",
        hours=Decimal("2.5"),
        pupils_count=48,
        start_date=datetime.date(2025, 11, 12),
        end_date=datetime.date(2025, 11, 14),
    )
    factories.transmitted(programme)
    client.force_login(programme.ppo.created_by)
    data = client.get(reverse("documents:download", args=[programme.pk, "xlsx"])).content
    sheet = load_workbook(io.BytesIO(data)).active
    header = [c.value for c in sheet[1]]
    row = dict(zip(header, sheet[2], strict=True))
    assert row["Heures"].value == 2.5 and row["Heures"].data_type == "n"
    assert row["Nombre d’élèves"].value == 48 and row["Nombre d’élèves"].data_type == "n"
    assert row["Date de début"].value == datetime.datetime(2025, 11, 12) and row["Date de début"].is_date
    assert row["Date de début"].number_format == "DD/MM/YYYY"
    assert row["N° d’action"].data_type == "n"

    client.force_login(user_with(Role.ACADEMIE, academie=Academie.objects.get(code="70")))
    export = client.get(reverse("pilotage:export"), {"annee": 2025, "table": "heures"}).content
    hours = load_workbook(io.BytesIO(export))["heures"]
    seconde = [r for r in hours.iter_rows(min_row=3) if r[0].value == "Seconde professionnelle"][0]
    assert [c.value for c in seconde[1:4]] == [1, 2.5, 2.5]  # schools, hours, hours per school
    assert all(c.data_type == "n" for c in seconde[1:4])
    statuts = load_workbook(
        io.BytesIO(client.get(reverse("pilotage:export"), {"annee": 2025, "table": "statuts"}).content)
    )
    transmis = [r for r in statuts["statuts"].iter_rows(min_row=3) if r[0].value == "Transmis"][0]
    assert transmis[1].value == 1 and transmis[2].value == 1 and transmis[2].number_format == "0 %"


def test_the_shared_writer_cell_by_cell():
    sheet = Workbook().active
    paris = datetime.datetime(2025, 11, 12, 9, 30, tzinfo=datetime.UTC)
    values = [None, True, 3, -3, 2.5, Decimal("-1.25"), datetime.date(2025, 9, 1), paris, Percent(0.5), "#N/A"]
    cells = xlsx_append(sheet, [*values, "ligne\x0bsuivante\x01", "x" * 40_000])
    assert [c.data_type for c in cells[1:7]] == ["b", "n", "n", "n", "n", "d"]
    assert cells[6].is_date and cells[6].number_format == "DD/MM/YYYY"
    assert cells[7].value == timezone.localtime(paris).replace(tzinfo=None)  # spreadsheets have no time zone
    assert (cells[8].value, cells[8].number_format) == (0.5, "0 %")
    assert cells[9].data_type == "s" and not cells[9].quotePrefix  # a text, not Excel's error value
    assert cells[10].value == "ligne\nsuivante"  # Word's manual line break; XML forbids the control characters
    assert len(cells[11].value) == 32_767  # Excel's limit for one cell
    out = io.BytesIO()
    sheet.parent.save(out)  # the workbook saves (openpyxl refuses control characters)
    assert [csv_cell(v) for v in values] == [
        "",
        "oui",
        "3",
        "-3",
        "2,5",
        "-1,25",
        "2025-09-01",
        "2025-11-12 10:30",
        "50",
        "#N/A",
    ]
