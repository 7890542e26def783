"""Before writing, the preview checks the year written in the document and the school's UAI: another year or
another school's plan must be confirmed, or nothing is written."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from ppo.documents.importer import ImportRefused
from ppo.documents.models import WordImport
from ppo.documents.services import word_import_confirm, word_import_prepare
from ppo.plans.models import Action, ProgrammeAnnuel
from ppo.plans.services import ppo_create, programme_create
from tests.documents import wordfiles
from tests.factories import EtablissementFactory


@pytest.fixture
def ppo(lp, direction):
    return ppo_create(etablissement=lp, first_year=2025, years=4, user=direction)


def _ours(lp, **kwargs):
    return wordfiles.typed_docx(uai=lp.uai, **kwargs)


def _upload(client, ppo, data, year=""):
    response = client.post(
        reverse("documents:import_upload", args=[ppo.pk]), {"year": year, "file": SimpleUploadedFile("ppo.docx", data)}
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    return WordImport.objects.get()


def test_the_document_year_is_proposed(client, ppo, direction, lp):
    client.force_login(direction)
    word_import = _upload(client, ppo, _ours(lp, year="2027-2028"))
    assert word_import.year == 2027
    preview = client.get(reverse("documents:import_preview", args=[word_import.pk]))
    text = preview.content.decode()
    assert "année scolaire écrite dans le document : <strong>2027-2028</strong>" in text
    assert preview.context["form"]["year"].value() == 2027
    assert "départ 25 → cible 35 en 2027-2028" in text  # the figures read in the sentence, to check before writing
    response = client.post(reverse("documents:import_confirm", args=[word_import.pk]), {"year": "2027"})
    assert response.status_code == 302
    assert ProgrammeAnnuel.objects.filter(ppo=ppo, year=2027).exists()


def test_another_year_than_the_document_asks_for_a_confirmation(client, ppo, direction, lp):
    client.force_login(direction)
    word_import = _upload(client, ppo, _ours(lp), year="2027")  # the document says 2026-2027
    preview = client.get(reverse("documents:import_preview", args=[word_import.pk])).content.decode()
    assert "Le document est daté de 2026-2027" in preview
    url = reverse("documents:import_confirm", args=[word_import.pk])
    response = client.post(url, {"year": "2027"})
    assert response.status_code == 200
    assert "cochez cette case pour confirmer" in response.content.decode()
    assert not ProgrammeAnnuel.objects.filter(ppo=ppo, year__gte=2026).exists()
    # Choosing the document's year in the preview needs no confirmation…
    assert client.post(url, {"year": "2026"}).status_code == 302
    assert ProgrammeAnnuel.objects.get(ppo=ppo, year=2026).actions.count() == 1


def test_another_year_confirmed(client, ppo, direction, lp):
    client.force_login(direction)
    word_import = _upload(client, ppo, _ours(lp))
    response = client.post(
        reverse("documents:import_confirm", args=[word_import.pk]), {"year": "2028", "other_year": "on"}
    )
    assert response.status_code == 302
    assert ProgrammeAnnuel.objects.get(ppo=ppo, year=2028).actions.count() == 1
    assert WordImport.objects.get().year == 2028


def test_a_document_year_already_taken_is_not_proposed(client, ppo, direction, lp):
    programme_create(ppo=ppo, year=2026, user=direction)
    client.force_login(direction)
    word_import = _upload(client, ppo, _ours(lp))
    assert word_import.year == 2027
    text = client.get(reverse("documents:import_preview", args=[word_import.pk])).content.decode()
    assert "L’année 2026-2027 a déjà un programme" in text
    response = client.post(reverse("documents:import_confirm", args=[word_import.pk]), {"year": "2027"})
    assert response.status_code == 200 and not ProgrammeAnnuel.objects.filter(ppo=ppo, year=2027).exists()


def test_another_schools_document_is_refused_unless_confirmed(client, ppo, direction, lp):
    other = EtablissementFactory(lp=True, uai="0141234A", name="Lycée Jules Verne")
    client.force_login(direction)
    word_import = _upload(client, ppo, wordfiles.typed_docx(uai=other.uai))
    preview = client.get(reverse("documents:import_preview", args=[word_import.pk])).content.decode()
    assert "Ce document est le PPO d’un autre établissement" in preview and "Lycée Jules Verne" in preview
    url = reverse("documents:import_confirm", args=[word_import.pk])
    response = client.post(url, {"year": "2026"})
    assert response.status_code == 200
    assert "celle d’un autre établissement : l’import est refusé" in response.content.decode()
    assert not ProgrammeAnnuel.objects.filter(ppo=ppo, year=2026).exists()
    assert not Action.objects.exists()
    assert client.post(url, {"year": "2026", "other_school": "on"}).status_code == 302
    programme = ProgrammeAnnuel.objects.get(ppo=ppo, year=2026)
    assert programme.notes.startswith(
        "Programme repris du PPO d’un autre établissement : Lycée Maurice Marland (UAI 0141234A)."
    )


def test_the_school_own_uai_asks_nothing(client, ppo, direction, lp):
    client.force_login(direction)
    word_import = _upload(client, ppo, _ours(lp))
    preview = client.get(reverse("documents:import_preview", args=[word_import.pk]))
    assert "other_school" not in preview.context["form"].fields
    assert "autre établissement" not in preview.content.decode()


def test_the_service_refuses_too(ppo, direction):
    """The checks hold where the programme is written, whatever the caller."""
    word_import = word_import_prepare(
        ppo=ppo, year=2027, user=direction, filename="ppo.docx", data=wordfiles.typed_docx()
    )
    with pytest.raises(ImportRefused, match="daté de 2026-2027"):
        word_import_confirm(word_import=word_import, user=direction)
    with pytest.raises(ImportRefused, match="UAI 0141234A"):
        word_import_confirm(word_import=word_import, user=direction, other_year=True)
    with pytest.raises(ImportRefused, match="pas une année libre"):
        word_import_confirm(word_import=word_import, user=direction, year=2030, other_year=True, other_school=True)
    assert not ProgrammeAnnuel.objects.filter(ppo=ppo, year__gte=2026).exists()
    word_import_confirm(word_import=word_import, user=direction, other_year=True, other_school=True)
    assert ProgrammeAnnuel.objects.filter(ppo=ppo, year=2027).exists()


def test_structured_objectives_are_written(ppo, direction, lp):
    word_import = word_import_prepare(ppo=ppo, year=None, user=direction, filename="ppo.docx", data=_ours(lp))
    programme = word_import_confirm(word_import=word_import, user=direction)
    objectifs = list(programme.objectifs_cibles.select_related("indicateur").order_by("order"))
    assert [(o.indicateur.code, o.baseline, o.target, o.horizon_year) for o in objectifs] == [
        ("taux_poursuite_etudes", 25, 35, 2027),
        ("taux_reussite_dnb", 80, 90, 2027),
    ]
    assert objectifs[0].comment == "Taux de poursuite d’études : passer de 25 % à 35 % d’ici 2028"
    assert "Réduire le nombre d’élèves sans solution à la rentrée" in programme.notes  # kept as text
