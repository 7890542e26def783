"""The upload block of an action's follow-up follows the DSFR layout (fieldset elements, fr-upload-group)."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.suivi.helpers import make_action

pytestmark = pytest.mark.django_db


@pytest.fixture
def action(programme, direction):
    return make_action(programme, direction)


def _upload_form(html):
    return re.search(r'<form[^>]*enctype="multipart/form-data"[^>]*>.*?</form>', html, re.S).group(0)


def test_the_upload_block_uses_the_dsfr_classes(client, world, action):
    client.force_login(world.users["redacteur"])
    form = _upload_form(client.get(reverse("suivi:action", kwargs={"pk": action.pk})).content.decode())
    assert form.count('<div class="fr-fieldset__element">') == 2  # the file and its description
    assert '<div class="fr-upload-group">' in form
    assert re.search(r'<input type="file"[^>]*class="fr-upload"', form)


def test_a_refused_file_is_announced_and_described(client, world, action):
    client.force_login(world.users["redacteur"])
    url = reverse("suivi:piece_ajout", kwargs={"pk": action.pk})
    html = client.post(url, {"file": SimpleUploadedFile("feuille.pdf", b"#!/bin/sh\n")}).content.decode()
    assert re.search(r"<title>\s*Erreur : ", html)
    assert '<a href="#id_file">Fichier : ' in html
    file_input = re.search(r'<input type="file"[^>]*>', html).group(0)
    assert 'aria-invalid="true"' in file_input
    assert 'aria-describedby="id_file_helptext id_file-desc-error"' in file_input
    assert '<div class="fr-upload-group fr-upload-group--error">' in _upload_form(html)


def test_the_follow_up_form_says_that_unmarked_fields_are_required(client, world, action):
    client.force_login(world.users["redacteur"])
    html = client.get(reverse("suivi:action", kwargs={"pk": action.pk})).content.decode()
    assert "Sauf mention contraire, tous les champs sont obligatoires." in html
    assert re.search(r"Heures effectivement consacrées\s\(Optionnel\)", html)
