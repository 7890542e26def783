"""Attachments: size and type (extension AND first bytes) checked with French messages, served only with permission."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from ppo.suivi.models import PieceJointe
from ppo.suivi.services import piece_jointe_add
from ppo.suivi.uploads import attachment_check
from tests.suivi.helpers import PDF_BYTES, docx_bytes, make_action, pdf

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 40


@pytest.fixture
def action(programme, direction):
    return make_action(programme, direction, title="Mini-stage")


@pytest.mark.parametrize(
    ("name", "content", "content_type"),
    [
        ("programme.pdf", PDF_BYTES, "application/pdf"),
        ("photo.PNG", PNG, "image/png"),
        ("photo.jpg", b"\xff\xd8\xff\xe0" + b"\x00" * 20, "image/jpeg"),
        (
            "compte-rendu.docx",
            docx_bytes(),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
        ("emargement.csv", "Nom;Prénom;Classe\nDupont;Léa;2nde A\n".encode(), "text/csv"),
        ("emargement-excel.csv", "Nom;Prénom\nDupont;Léa\n".encode("cp1252"), "text/csv"),
    ],
)
def test_accepted_types(name, content, content_type):
    assert attachment_check(SimpleUploadedFile(name, content)) == content_type


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("script.exe", b"MZ\x90\x00", "Ce type de fichier n’est pas accepté."),
        ("page.html", b"<html></html>", "Ce type de fichier n’est pas accepté."),
        ("faux.pdf", b"MZ\x90\x00 not a pdf", "ne correspond pas à son extension .pdf"),
        ("faux.docx", b"PK\x03\x04 not really a zip", "ne correspond pas à son extension .docx"),
        ("faux.png", PDF_BYTES, "ne correspond pas à son extension .png"),
        ("binaire.csv", b"\x00\x01\x02\x03", "ne correspond pas à son extension .csv"),
        ("vide.pdf", b"", "est vide"),
    ],
)
def test_refused_types_with_a_french_message(name, content, message):
    with pytest.raises(ValidationError) as exc:
        attachment_check(SimpleUploadedFile(name, content))
    assert message in exc.value.messages[0]


def test_too_big_is_refused(settings, action, direction):
    settings.UPLOAD_MAX_BYTES = 50
    with pytest.raises(ValidationError) as exc:
        piece_jointe_add(action=action, user=direction, uploaded=SimpleUploadedFile("gros.pdf", PDF_BYTES))
    assert exc.value.messages == [
        "Le fichier « gros.pdf » pèse 77\xa0octets : la taille maximale est de 50\xa0octets."
    ]
    assert not PieceJointe.objects.exists()


def test_upload_through_the_page_refuses_a_disguised_file(client, world, action):
    client.force_login(world.users["redacteur"])
    url = reverse("suivi:piece_ajout", kwargs={"pk": action.pk})
    response = client.post(url, {"file": SimpleUploadedFile("feuille.pdf", b"#!/bin/sh\nrm -rf /\n")})
    assert response.status_code == 400
    assert "ne correspond pas à son extension .pdf" in response.content.decode()
    assert not PieceJointe.objects.exists()
    response = client.post(url, {"file": pdf(), "description": "Feuille d’émargement"})
    assert response.status_code == 302
    piece = PieceJointe.objects.get()
    assert (piece.original_name, piece.description, piece.size) == (
        "emargement.pdf",
        "Feuille d’émargement",
        len(PDF_BYTES),
    )
    assert piece.file.name.startswith(f"suivi/{action.programme.public_id}/")
    assert "emargement" not in piece.file.name


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("direction", 200),
        ("redacteur", 200),
        ("lecteur", 200),
        ("admin", 200),
        ("academie", 403),
        ("bassin", 403),
        ("autre_direction", 404),
        ("partenaire", 404),
    ],
)
def test_served_only_with_permission(client, world, action, direction, role, status):
    piece = piece_jointe_add(action=action, user=direction, uploaded=pdf())
    client.force_login(world.users[role])
    response = client.get(reverse("suivi:piece", kwargs={"pk": piece.pk}))
    assert response.status_code == status
    if status == 200:
        assert response.content == PDF_BYTES
        assert response["Content-Type"] == "application/pdf"
        assert response["Content-Disposition"] == 'attachment; filename="emargement.pdf"'


def test_never_served_from_media(client, world, action, direction):
    piece = piece_jointe_add(action=action, user=direction, uploaded=pdf())
    client.force_login(world.users["direction"])
    assert client.get(f"/media/{piece.file.name}").status_code == 404


def test_delete_removes_the_file(client, world, action, direction, django_capture_on_commit_callbacks):
    piece = piece_jointe_add(action=action, user=direction, uploaded=pdf())
    storage, name = piece.file.storage, piece.file.name
    client.force_login(world.users["lecteur"])
    url = reverse("suivi:piece_suppression", kwargs={"pk": piece.pk})
    assert client.post(url).status_code == 403
    client.force_login(world.users["redacteur"])
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url).status_code == 302
    assert not PieceJointe.objects.exists()
    assert not storage.exists(name)
