from django.urls import reverse


def test_school_staff_get_a_follow_up_card_and_writers_the_menu_entry(client, world, programme):
    url = reverse("suivi:programme", kwargs={"pk": programme.pk})
    client.force_login(world.users["lecteur"])
    page = client.get(reverse("portail:tableau_de_bord")).content.decode()
    assert f'href="{url}"' in page
    assert "Suivi et bilan 2025-2026" in page
    assert "Mes actions à renseigner" not in page
    client.force_login(world.users["redacteur"])
    page = client.get(reverse("portail:tableau_de_bord")).content.decode()
    assert f'href="{reverse("suivi:mes_actions")}"' in page


def test_my_actions_lists_nothing_of_another_school(client, world, programme):
    client.force_login(world.users["autre_direction"])
    page = client.get(reverse("suivi:mes_actions")).content.decode()
    assert "Aucune action passée n’attend son suivi." in page
