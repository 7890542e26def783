"""The full review cycle, through the pages: transmit → sent back with comments → answer → transmit again → validate."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from ppo.comptes.enums import Role
from ppo.diagnostic.models import Indicateur, ValeurIndicateur
from ppo.examen.enums import EtatRevue
from ppo.examen.models import Commentaire, Transmission
from ppo.examen.services import NO_CA_WARNING
from ppo.plans.enums import StatutProgramme
from ppo.plans.lifecycle import force_status
from tests.campagnes import factories
from tests.factories import BassinFactory, EtablissementFactory, user_with

pytestmark = pytest.mark.django_db


@pytest.fixture
def cycle():
    bassin = BassinFactory()
    school = EtablissementFactory(lp=True, bassin=bassin)
    direction = user_with(Role.DIRECTION, etablissement=school)
    programme = factories.programme(school, user=direction)
    action = factories.action(programme, axe=2, title="Visite d’entreprise", hours=Decimal("3.0"))
    return {
        "school": school,
        "programme": programme,
        "action": action,
        "direction": direction,
        "redacteur": user_with(Role.REDACTEUR, etablissement=school),
        "academie": user_with(Role.ACADEMIE, academie=school.academie),
        "bassin": user_with(Role.BASSIN, bassin=bassin),
        "other_bassin": user_with(Role.BASSIN, bassin=BassinFactory()),
    }


# The direction transmits from the confirmation page; the test programmes have open points, hence a justification.
CONFIRM = "examen:programme_transmettre_confirmer"
JUSTIFIED = {"justification": "Les autres niveaux seront complétés en janvier."}


def _post(client, user, name, pk, data=None):
    client.force_login(user)
    return client.post(reverse(name, kwargs={"pk": pk}), data or {})


def test_full_review_cycle(client, cycle, mailoutbox, django_capture_on_commit_callbacks):
    programme, action = cycle["programme"], cycle["action"]
    force_status(programme=programme, status=StatutProgramme.ADOPTE_CA, user=cycle["direction"])

    # 1. The direction transmits: a frozen copy, the programme is « transmis », the académie and bassin are told.
    with django_capture_on_commit_callbacks(execute=True):
        response = _post(client, cycle["direction"], CONFIRM, programme.pk, JUSTIFIED)
    assert response.status_code == 302
    first = Transmission.objects.get(programme=programme)
    programme.refresh_from_db()
    assert (first.number, programme.status, first.warning) == (1, StatutProgramme.TRANSMIS, "")
    assert first.snapshot["actions"][0]["title"] == "Visite d’entreprise"
    assert first.snapshot["actions"][0]["hours"] == "3.0"
    assert sorted(m.to[0] for m in mailoutbox) == sorted([cycle["academie"].email, cycle["bassin"].email])
    assert f"/examen/transmission/{first.pk}/" in mailoutbox[0].body

    # 2. The académie puts it in review, comments on the action, sends it back: the direction gets each step.
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert (
            _post(
                client, cycle["academie"], "examen:transmission_decider", first.pk, {"decision": "en_cours"}
            ).status_code
            == 302
        )
        r = _post(
            client,
            cycle["academie"],
            "examen:commentaire_ajouter",
            first.pk,
            {"anchor": f"action:{action.pk}", "text": "Quels partenaires pour cette visite ?"},
        )
        assert r.status_code == 302
        r = _post(
            client,
            cycle["academie"],
            "examen:transmission_decider",
            first.pk,
            {"decision": "a_completer", "message": "Merci de préciser les partenaires."},
        )
        assert r.status_code == 302
    programme.refresh_from_db()
    first.refresh_from_db()
    assert programme.status == StatutProgramme.A_COMPLETER
    assert first.review_status == EtatRevue.A_COMPLETER
    assert [m.to for m in mailoutbox] == [[cycle["direction"].email]] * 3
    assert "à compléter" in mailoutbox[-1].subject
    comment = Commentaire.objects.get()
    assert (comment.anchor_kind, comment.action_id) == ("action", action.pk)

    # 3. The school sees the comment under the action, answers, completes the plan.
    client.force_login(cycle["redacteur"])
    page = client.get(reverse("examen:transmission", kwargs={"pk": first.pk})).content.decode()
    assert "Quels partenaires pour cette visite ?" in page
    assert page.index(f'id="action-{action.pk}"') < page.index("Quels partenaires")
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        r = _post(
            client, cycle["redacteur"], "examen:commentaire_repondre", comment.pk, {"text": "La CCI et le CLEE."}
        )
    assert r.status_code == 302
    assert Commentaire.objects.get(parent=comment).text == "La CCI et le CLEE."
    assert sorted(m.to[0] for m in mailoutbox) == sorted([cycle["academie"].email, cycle["bassin"].email])
    action.title = "Visite d’entreprise avec la CCI"
    action.save()

    # The first transmission never changes under the académie's eyes.
    first.refresh_from_db()
    assert first.snapshot["actions"][0]["title"] == "Visite d’entreprise"

    # 4. The direction transmits again: a second snapshot with the new text.
    with django_capture_on_commit_callbacks(execute=True):
        _post(client, cycle["direction"], CONFIRM, programme.pk, JUSTIFIED)
    second = Transmission.objects.get(programme=programme, number=2)
    assert second.snapshot["actions"][0]["title"] == "Visite d’entreprise avec la CCI"
    # The old transmission can no longer receive a decision.
    r = _post(client, cycle["academie"], "examen:transmission_decider", first.pk, {"decision": "valide"})
    assert r.status_code == 400
    assert "plus récente" in r.content.decode()

    # 5. The bassin validates the new version.
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        r = _post(client, cycle["bassin"], "examen:transmission_decider", second.pk, {"decision": "valide"})
    assert r.status_code == 302
    programme.refresh_from_db()
    assert programme.status == StatutProgramme.VALIDE
    assert [m.to for m in mailoutbox] == [[cycle["direction"].email]]
    assert "validé" in mailoutbox[0].subject

    # Every exchange is kept and dated, in order.
    client.force_login(cycle["direction"])
    page = client.get(reverse("examen:programme_transmettre", kwargs={"pk": programme.pk})).content.decode()
    page = page[page.index("Échanges avec l’académie") :]
    steps = [
        "Transmission n° 1",
        "Académie : mettre en cours de revue",
        "Quels partenaires pour cette visite ?",
        "Académie : renvoyer à compléter",
        "La CCI et le CLEE.",
        "Transmission n° 2",
        "Académie : valider",
    ]
    positions = [page.index(step) for step in steps]
    assert positions == sorted(positions)


def test_transmission_without_ca_adoption_is_kept_with_a_warning(
    client, cycle, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = _post(client, cycle["direction"], CONFIRM, cycle["programme"].pk, JUSTIFIED)
    sent = Transmission.objects.get()
    assert sent.warning == NO_CA_WARNING
    assert NO_CA_WARNING in mailoutbox[0].body
    assert NO_CA_WARNING in client.get(response["Location"]).content.decode()


def test_a_validated_programme_cannot_be_transmitted(client, cycle):
    programme = cycle["programme"]
    force_status(programme=programme, status=StatutProgramme.VALIDE, user=cycle["direction"])
    response = _post(client, cycle["direction"], CONFIRM, programme.pk, JUSTIFIED)
    assert response.status_code == 302
    assert not Transmission.objects.exists()
    assert "n’est pas possible maintenant" in client.get(response["Location"]).content.decode()


def test_only_the_direction_transmits(client, cycle):
    response = _post(client, cycle["redacteur"], CONFIRM, cycle["programme"].pk, JUSTIFIED)
    assert response.status_code == 403
    assert not Transmission.objects.exists()


def test_sending_back_needs_a_message_or_a_comment(client, cycle):
    sent = factories.transmitted(cycle["programme"])
    response = _post(client, cycle["academie"], "examen:transmission_decider", sent.pk, {"decision": "a_completer"})
    assert response.status_code == 400
    assert "écrivez un message" in response.content.decode()
    cycle["programme"].refresh_from_db()
    assert cycle["programme"].status == StatutProgramme.TRANSMIS


def test_a_comment_on_an_unknown_action_is_refused(client, cycle):
    sent = factories.transmitted(cycle["programme"])
    response = _post(
        client, cycle["academie"], "examen:commentaire_ajouter", sent.pk, {"anchor": "action:999999", "text": "?"}
    )
    assert response.status_code == 400
    assert not Commentaire.objects.exists()


def test_another_bassin_sees_nothing(client, cycle):
    sent = factories.transmitted(cycle["programme"])
    client.force_login(cycle["other_bassin"])
    assert client.get(reverse("examen:transmission", kwargs={"pk": sent.pk})).status_code == 404
    response = _post(client, cycle["other_bassin"], "examen:transmission_decider", sent.pk, {"decision": "valide"})
    assert response.status_code == 404


def test_review_page_compares_with_similar_schools(client, cycle):
    peer = factories.programme(EtablissementFactory(lp=True, bassin=cycle["school"].bassin))
    factories.action(peer, axe=1, hours=Decimal("2"))
    factories.action(peer, axe=3, hours=Decimal("4"))
    factories.transmitted(peer)
    other_kind = factories.programme(EtablissementFactory(lgt=True, bassin=cycle["school"].bassin))
    factories.action(other_kind, axe=1, niveaux=("2nde-gt",))
    factories.transmitted(other_kind)
    sent = factories.transmitted(cycle["programme"])
    client.force_login(cycle["academie"])
    response = client.get(reverse("examen:transmission", kwargs={"pk": sent.pk}))
    peers = response.context["peers"]
    assert peers["n_peers"] == 1
    rows = {row["label"]: (row["own"], row["peers"]) for row in peers["rows"]}
    assert rows["Nombre d’actions"] == (1, Decimal("2.0"))
    assert rows["Cases de la grille axes × niveaux couvertes"] == (1, Decimal("2.0"))
    assert rows["Heures prévues (chaque action une fois)"] == (Decimal("3.0"), Decimal("6.0"))
    # The default action level is the 2nde pro: 3 h here, 2 + 4 h at the peer.
    assert rows["Heures prévues en 2nde pro"] == (Decimal("3.0"), Decimal("6.0"))
    assert rows["Heures prévues en 1re pro"] == (Decimal(0), Decimal("0.0"))


def test_review_page_compares_indicators_with_the_median_of_similar_schools(client, cycle):
    school, year = cycle["school"], cycle["programme"].year
    indicateur = Indicateur.objects.get(code="part_filles_specialite")

    def value(etablissement, amount, *, scope="", on_year=year):
        ValeurIndicateur.objects.create(
            etablissement=etablissement, indicateur=indicateur, year=on_year, scope=scope, value=amount
        )

    value(school, 25)
    value(school, 40, scope="NSI")
    for amount in (10, 30, 90):  # three LP of the same bassin
        value(EtablissementFactory(lp=True, bassin=school.bassin), amount)
    value(EtablissementFactory(lgt=True, bassin=school.bassin), 1)  # another kind
    # Another bassin of the académie: the bassin is not a criterion (referentiel.peers.PEER_RULE). Median of 2, 10, 30, 90.
    value(EtablissementFactory(lp=True, bassin=BassinFactory()), 2)
    peer = EtablissementFactory(lp=True, bassin=school.bassin)
    value(peer, 3, on_year=year - 1)  # another year
    value(peer, 50, scope="NSI")  # the only comparable value with this scope
    sent = factories.transmitted(cycle["programme"])
    client.force_login(cycle["academie"])
    response = client.get(reverse("examen:transmission", kwargs={"pk": sent.pk}))
    rows = {row["valeur"].scope: row for row in response.context["indicators"]}
    assert (rows[""]["median"], rows[""]["n_peers"], rows[""]["gap"]) == (Decimal(20), 4, Decimal(5))
    assert (rows["NSI"]["median"], rows["NSI"]["n_peers"], rows["NSI"]["gap"]) == (Decimal(50), 1, Decimal(-10))
    page = response.content.decode()
    assert "Médiane des établissements comparables" in page
    assert "4 établissements" in page


def test_review_indicators_without_comparable_values(client, cycle):
    ValeurIndicateur.objects.create(
        etablissement=cycle["school"],
        indicateur=Indicateur.objects.get(code="part_filles_specialite"),
        year=cycle["programme"].year,
        value=12,
    )
    sent = factories.transmitted(cycle["programme"])
    client.force_login(cycle["academie"])
    response = client.get(reverse("examen:transmission", kwargs={"pk": sent.pk}))
    [row] = response.context["indicators"]
    assert (row["median"], row["n_peers"], row["gap"]) == (None, 0, None)
    assert "aucune valeur comparable" in response.content.decode()


def test_review_indicators_query_count_does_not_grow_with_similar_schools(client, cycle, django_assert_num_queries):
    indicateur = Indicateur.objects.get(code="part_filles_specialite")
    year = cycle["programme"].year
    ValeurIndicateur.objects.create(etablissement=cycle["school"], indicateur=indicateur, year=year, value=12)
    sent = factories.transmitted(cycle["programme"])
    client.force_login(cycle["academie"])
    url = reverse("examen:transmission", kwargs={"pk": sent.pk})

    def add_peers(n):
        for i in range(n):
            peer = EtablissementFactory(lp=True, bassin=cycle["school"].bassin)
            ValeurIndicateur.objects.create(etablissement=peer, indicateur=indicateur, year=year, value=i)

    add_peers(2)
    client.get(url)
    with CaptureQueriesContext(connection) as small:
        client.get(url)
    add_peers(20)
    with django_assert_num_queries(len(small.captured_queries)):
        response = client.get(url)
    assert response.context["indicators"][0]["n_peers"] == 22


def test_the_review_shows_the_indicators_and_objectives_as_sent_and_what_changed_since(client, cycle):
    from ppo.diagnostic.models import ObjectifCible
    from ppo.diagnostic.services import objectif_save, valeur_save

    school, programme, direction = cycle["school"], cycle["programme"], cycle["direction"]
    taux = Indicateur.objects.get(code="taux_poursuite_etudes")
    valeur_save(etablissement=school, indicateur=taux, year=programme.year, value=Decimal(49), user=direction)
    objectif = objectif_save(
        objectif=ObjectifCible(
            programme=programme, indicateur=taux, target=Decimal(60), horizon_year=programme.year + 2
        )
    )
    sent = factories.transmitted(programme)
    assert sent.snapshot["indicateurs"][0]["value"] == "49.00"
    assert sent.snapshot["objectifs"][0]["target"] == "60.00"

    # After transmission: a value corrected, a value typed, the target raised.
    valeur_save(etablissement=school, indicateur=taux, year=programme.year, value=Decimal(52), user=direction)
    ips = Indicateur.objects.get(code="ips")
    valeur_save(etablissement=school, indicateur=ips, year=programme.year, value=Decimal(97), user=direction)
    objectif.target = Decimal(65)
    objectif_save(objectif=objectif)

    client.force_login(cycle["academie"])
    response = client.get(reverse("examen:transmission", kwargs={"pk": sent.pk}))
    [row] = response.context["indicators"]  # the IPS typed since is not shown as sent
    assert (row["valeur"].indicateur.code, row["valeur"].value, row["valeur"].now) == (
        "taux_poursuite_etudes",
        Decimal(49),
        Decimal(52),
    )
    page = response.content.decode()
    assert "modifié depuis la transmission : 49\u00a0% → 52\u00a0%" in page
    assert "Valeurs enregistrées depuis la transmission (non transmises)" in page
    assert [v.indicateur.code for v in response.context["indicators_added"]] == ["ips"]
    assert "cible modifiée depuis la transmission : 60\u00a0% → 65\u00a0%" in page

    # Removed since: said so, the value sent still shown.
    taux.valeurs.all().delete()
    page = client.get(reverse("examen:transmission", kwargs={"pk": sent.pk})).content.decode()
    assert "supprimée depuis la transmission (elle valait 49\u00a0%)" in page


def test_a_transmission_older_than_the_frozen_indicators_says_it_shows_todays_values(client, cycle):
    indicateur = Indicateur.objects.get(code="part_filles_specialite")
    ValeurIndicateur.objects.create(
        etablissement=cycle["school"], indicateur=indicateur, year=cycle["programme"].year, value=12
    )
    sent = factories.transmitted(cycle["programme"])
    del sent.snapshot["indicateurs"], sent.snapshot["objectifs"]
    sent.save()
    client.force_login(cycle["academie"])
    response = client.get(reverse("examen:transmission", kwargs={"pk": sent.pk}))
    assert response.context["indicators"][0]["valeur"].value == 12
    assert "antérieure au gel des indicateurs" in response.content.decode()
