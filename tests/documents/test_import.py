"""Word in: hand-filled official templates (LP, collège, LGT), tick forms, preview then confirm, bad files."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from ppo.comptes.enums import Role
from ppo.documents.importer import ImportRefused
from ppo.documents.importer.reader import read_docx
from ppo.documents.models import WordImport
from ppo.documents.services import word_import_confirm, word_import_prepare
from ppo.plans.enums import OrigineAction
from ppo.plans.models import Action, ProgrammeAnnuel
from ppo.plans.services import ppo_create
from tests.documents import wordfiles
from tests.factories import user_with


@pytest.fixture
def ppo(lp, direction):
    return ppo_create(etablissement=lp, first_year=2025, years=4, user=direction)


def test_reads_a_hand_filled_lp_template(db):
    parsed = read_docx(wordfiles.official_docx("lp"))
    assert parsed["header"] == {"name": "Lycée Maurice Marland", "year": "2026-2027"}
    assert parsed["ressource_labels"] == [
        "Professeurs Principaux",
        "PsyEN",
        "Salons du supérieur",
        "Xperiences Métiers",
        "Mission locale",
        "onisep.fr",
    ]
    assert parsed["ressources_autres"] == {"acteurs": "Infirmière scolaire"}
    assert parsed["training"] == "Formation Folios."
    assert [o["text"] for o in parsed["objectifs"]] == [
        "Augmenter la poursuite d’études en BTS des bacheliers professionnels."
    ]
    assert parsed["axes"][0]["category"] == "partenariats" and not parsed["axes"][0]["guessed"]
    assert parsed["axes"][0]["text"] == "ouvrir le lycée aux entreprises du bassin."
    assert parsed["axes"][1]["guessed"]
    assert parsed["unrecognised"] == ["Mot de la proviseure : merci à toutes les équipes."]
    actions = parsed["actions"]
    assert [(a["axe"], a["niveaux"]) for a in actions] == [
        (1, ["2nde-pro"]),
        (2, ["2nde-pro"]),
        (3, ["2nde-pro"]),
        (1, ["cap-1"]),
        (2, ["cap-1"]),
        (3, ["cap-1"]),
        (2, ["3e-prepa-metiers"]),
    ]
    first = actions[0]["fields"]
    assert first["title"] == "Atelier Bac pro axe 1"
    assert first["description"] == "Les professeurs principaux animent deux séances."
    assert first["objective"] == "Objectif opérationnel 1"
    assert actions[0]["partner_labels"] == ["Mission locale"]
    assert first["partners"] == "Entreprise du bassin"
    assert first["expected_effects"] == "Les élèves savent présenter leur projet."


@pytest.mark.parametrize(
    ("kind", "levels"),
    [("college", ["6e"]), ("lgt", ["2nde-gt"])],
)
def test_reads_the_college_and_lgt_variants(db, kind, levels):
    parsed = read_docx(wordfiles.official_docx(kind))
    assert [(a["axe"], a["niveaux"]) for a in parsed["actions"]] == [(n, levels) for n in (1, 2, 3)]
    assert parsed["header"]["year"] == "2026-2027"


def test_preview_then_confirm_writes_a_new_programme(client, ppo, direction):
    client.force_login(direction)
    upload_url = reverse("documents:import_upload", args=[ppo.pk])
    page = client.get(upload_url)
    assert page.status_code == 200
    assert [c[0] for c in page.context["form"].fields["year"].choices] == ["", 2026, 2027, 2028]
    upload = SimpleUploadedFile("ppo-2026.docx", wordfiles.official_docx("lp"))
    response = client.post(upload_url, {"year": "2026", "file": upload})
    word_import = WordImport.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse(
        "documents:import_preview", args=[word_import.pk]
    )
    assert not ProgrammeAnnuel.objects.filter(ppo=ppo, year=2026).exists()  # nothing written before confirmation
    preview = client.get(response["Location"])
    text = preview.content.decode()
    assert "Atelier Bac pro axe 1" in text and "Mot de la proviseure" in text and "Xperiences Métiers" in text
    assert "année scolaire écrite dans le document : <strong>2026-2027</strong>" in text
    assert preview.context["form"]["year"].value() == 2026
    response = client.post(reverse("documents:import_confirm", args=[word_import.pk]), {"year": "2026"})
    programme = ProgrammeAnnuel.objects.get(ppo=ppo, year=2026)
    assert response["Location"] == reverse("documents:programme", args=[programme.pk])
    assert programme.actions.count() == 7
    assert set(programme.actions.values_list("origin", flat=True)) == {OrigineAction.IMPORT_WORD}
    assert programme.ressources.count() == 6
    assert programme.training == "Formation Folios."
    assert "Mot de la proviseure : merci à toutes les équipes." in programme.notes
    assert programme.previous == ppo.programmes.get(year=2025)
    assert programme.axes_amelioration.count() == 2
    assert "Augmenter la poursuite d’études" in programme.notes  # no indicator matches: kept in the notes
    # The preview is gone once used: a second confirmation finds nothing.
    assert client.post(reverse("documents:import_confirm", args=[word_import.pk]), {"year": "2026"}).status_code == 404


def test_confirm_refuses_a_year_taken_meanwhile(client, ppo, direction):
    word_import = word_import_prepare(
        ppo=ppo, year=2026, user=direction, filename="ppo.docx", data=wordfiles.official_docx("lp")
    )
    ppo_programmes = ppo.programmes.count()
    from ppo.plans.services import programme_create

    programme_create(ppo=ppo, year=2026, user=direction)
    with pytest.raises(ImportRefused):
        word_import_confirm(word_import=word_import, user=direction)
    assert ppo.programmes.count() == ppo_programmes + 1
    assert not Action.objects.filter(origin=OrigineAction.IMPORT_WORD).exists()


def test_preview_belongs_to_its_owner(client, ppo, direction, lp):
    word_import = word_import_prepare(
        ppo=ppo, year=2026, user=direction, filename="ppo.docx", data=wordfiles.official_docx("lp")
    )
    other = user_with(Role.DIRECTION, etablissement=lp)
    client.force_login(other)
    assert client.get(reverse("documents:import_preview", args=[word_import.pk])).status_code == 404
    assert client.post(reverse("documents:import_confirm", args=[word_import.pk])).status_code == 404


BAD_FILES = [
    ("pas-un-word.pdf", lambda: b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n", "n’est pas un document Word"),
    ("texte.docx", lambda: b"Bonjour", "n’est pas un document Word"),
    ("tableur.docx", wordfiles.spreadsheet_bytes, "c’est peut-être un tableur"),
    ("coupe.docx", wordfiles.corrupted_docx, "endommagé"),
    ("xml-casse.docx", wordfiles.broken_xml_docx, "endommagé"),
    ("protege.docx", wordfiles.encrypted_docx, "protégé par un mot de passe"),
    ("bombe.docx", wordfiles.zip_bomb_docx, "archive piégée"),
    ("autre-forme.docx", wordfiles.other_shape_docx, "n’a pas la forme du modèle de PPO"),
]


@pytest.mark.parametrize(("name", "make", "message"), BAD_FILES, ids=[b[0] for b in BAD_FILES])
def test_bad_files_are_refused_and_write_nothing(client, ppo, direction, name, make, message):
    client.force_login(direction)
    programmes = ProgrammeAnnuel.objects.count()
    response = client.post(
        reverse("documents:import_upload", args=[ppo.pk]), {"year": "2026", "file": SimpleUploadedFile(name, make())}
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not WordImport.objects.exists()
    assert ProgrammeAnnuel.objects.count() == programmes


def test_old_doc_format_is_refused(ppo, direction):
    data = wordfiles.encrypted_docx().replace("Encrypt".encode("utf-16-le"), "Xncrypt".encode("utf-16-le"))
    with pytest.raises(ImportRefused, match="Word 97-2003"):
        word_import_prepare(ppo=ppo, year=2026, user=direction, filename="ancien.doc", data=data)


def test_file_over_the_size_limit(client, ppo, direction, settings):
    data = wordfiles.official_docx("lp")
    settings.UPLOAD_MAX_BYTES = len(data) - 1
    client.force_login(direction)
    response = client.post(
        reverse("documents:import_upload", args=[ppo.pk]), {"year": "2026", "file": SimpleUploadedFile("a.docx", data)}
    )
    assert "au-delà de la limite" in response.content.decode()
    assert not WordImport.objects.exists()


def test_only_free_years_are_offered(client, ppo, direction):
    client.force_login(direction)
    response = client.post(
        reverse("documents:import_upload", args=[ppo.pk]),
        {"year": "2025", "file": SimpleUploadedFile("a.docx", wordfiles.official_docx())},
    )
    assert response.status_code == 200
    assert not WordImport.objects.exists()


def test_an_expired_preview_is_gone(client, ppo, direction):
    import datetime

    from django.utils import timezone

    word_import = word_import_prepare(
        ppo=ppo, year=2026, user=direction, filename="ppo.docx", data=wordfiles.official_docx("lp")
    )
    WordImport.objects.filter(pk=word_import.pk).update(expires_at=timezone.now() - datetime.timedelta(minutes=1))
    client.force_login(direction)
    assert client.get(reverse("documents:import_preview", args=[word_import.pk])).status_code == 404
    assert client.post(reverse("documents:import_confirm", args=[word_import.pk])).status_code == 404
    assert not ProgrammeAnnuel.objects.filter(ppo=ppo, year=2026).exists()


def test_levels_in_unmerged_rows_and_titles_in_headings(db):
    import io

    from docx import Document

    doc = Document()
    doc.add_heading("Objectif 2 - Bac pro : Découvrir le monde économique", level=2)
    table = doc.add_table(rows=4, cols=4)
    for cell, text in zip(
        table.rows[0].cells,
        ["Déclinaison en objectifs opérationnels", "Mise en œuvre envisagée", "Partenaires", "Suivi et évaluation"],
        strict=True,
    ):
        cell.text = text
    table.rows[1].cells[0].text = "En première professionnelle"
    for cell, text in zip(
        table.rows[2].cells, ["Connaître une entreprise", "Visite de l’usine", "CCI", "Compte rendu"], strict=True
    ):
        cell.text = text
    buffer = io.BytesIO()
    doc.save(buffer)
    parsed = read_docx(buffer.getvalue())
    assert [(a["axe"], a["niveaux"], a["fields"]["title"]) for a in parsed["actions"]] == [
        (2, ["1re-pro"], "Visite de l’usine")
    ]
    assert parsed["unrecognised"] == []
