from ppo.core.demo import demo_load
from ppo.suivi.models import Bilan, SuiviAction


def test_demo_records_follow_ups_and_a_draft_bilan_once(db):
    demo_load()
    count = SuiviAction.objects.count()
    assert count >= 5
    assert SuiviAction.objects.filter(status="realisee", girls__isnull=False, boys__isnull=False).exists()
    assert Bilan.objects.get().status == "brouillon"
    demo_load()
    assert SuiviAction.objects.count() == count
    assert Bilan.objects.count() == 1
