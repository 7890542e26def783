"""The demo data set: the calendar link exists once, and the rich demo PPO of the LP survives a Word round trip."""

import pytest

from ppo.demo.base import demo_load
from ppo.documents.builders.word import build_docx
from ppo.documents.models import CalendarToken
from ppo.documents.selectors import free_years, programme_document
from ppo.documents.services import word_import_confirm, word_import_prepare
from tests.documents.test_round_trip import _snapshot


@pytest.mark.django_db
def test_demo_is_idempotent_and_round_trips():
    demo = demo_load()
    demo_load()
    lp = demo.schools["lp"]
    assert CalendarToken.objects.filter(etablissement=lp).count() == 1
    programme = lp.ppos.get().programmes.order_by("year").first()
    assert programme.actions.exists()
    user = demo.users["direction.lp@demo.ppo.fr"]
    year = free_years(ppo=programme.ppo)[0]
    data = build_docx(programme_document(programme=programme))
    word_import = word_import_prepare(ppo=programme.ppo, year=year, user=user, filename="demo.docx", data=data)
    assert word_import.parsed["unrecognised"] == []
    imported = word_import_confirm(word_import=word_import, user=user, other_year=True)  # exported from another year
    assert _snapshot(imported) == _snapshot(programme)
    assert set(imported.ressources.all()) == set(programme.ressources.all())
