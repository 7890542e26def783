from django.urls import reverse

from tests.urlcases import LOGIN, UrlCase, logged_in


def url_cases(world):
    school, foreign, bassin = world.school, world.foreign, world.bassin
    # Académie lists: the académie user of Normandie; the académie of Lille sees its own (empty here) lists;
    # operators read the lists of any académie (read only: creating a bassin stays with the académie).
    academie_lists = logged_in(
        403, academie=200, autre_academie=200, admin=200, national=403, region=403, departement=403
    )
    # A school: its staff and those who supervise it (académie, bassin, operators); nobody else knows it exists.
    school_readers = logged_in(404, direction=200, redacteur=200, lecteur=200, academie=200, bassin=200, admin=200)
    # A bassin: the académie that defines it, the bassin's own account, operators.
    bassin_readers = logged_in(404, academie=200, bassin=200, admin=200, national=404, departement=404)
    bassin_writers = logged_in(404, academie=302, bassin=403, admin=302, national=404, departement=404)
    return [
        UrlCase("referentiel:etablissement_list", reverse("referentiel:etablissement_list"), academie_lists),
        UrlCase(
            "referentiel:etablissement_list",
            reverse("referentiel:etablissement_list") + "?q=lyc&kind=lp&secteur=public&page=2",
            academie_lists,
        ),
        UrlCase(
            "referentiel:etablissement_detail",
            reverse("referentiel:etablissement_detail", args=[school.uai]),
            school_readers,
        ),
        UrlCase(
            "referentiel:etablissement_detail",
            reverse("referentiel:etablissement_detail", args=[foreign.uai]),
            logged_in(404, autre_direction=200, autre_academie=200, admin=200, national=200),
        ),
        UrlCase(
            "referentiel:etablissement_niveaux",
            reverse("referentiel:etablissement_niveaux", args=[school.uai]),
            logged_in(405),
        ),
        UrlCase(
            "referentiel:etablissement_niveaux",
            reverse("referentiel:etablissement_niveaux", args=[school.uai]),
            logged_in(
                404,
                direction=403,
                redacteur=403,
                lecteur=403,
                academie=302,
                bassin=403,
                admin=302,
                national=403,
                departement=403,
            ),
            method="post",
            data={"niveaux": [n.pk for n in school.niveaux.all()]},
        ),
        UrlCase("referentiel:bassin_list", reverse("referentiel:bassin_list"), academie_lists),
        UrlCase("referentiel:bassin_list", reverse("referentiel:bassin_list") + "?academie=09", academie_lists),
        UrlCase(
            "referentiel:bassin_list",
            reverse("referentiel:bassin_list"),
            logged_in(403, academie=400, autre_academie=400, national=403, region=403, departement=403),
            method="post",
            data={"name": ""},
        ),
        UrlCase("referentiel:bassin_detail", reverse("referentiel:bassin_detail", args=[bassin.pk]), bassin_readers),
        UrlCase(
            "referentiel:bassin_update",
            reverse("referentiel:bassin_update", args=[bassin.pk]),
            bassin_writers,
            method="post",
            data={"name": bassin.name},
        ),
        UrlCase(
            "referentiel:bassin_update",
            reverse("referentiel:bassin_update", args=[bassin.pk]),
            logged_in(405) | {"anonyme": LOGIN},
        ),
        UrlCase(
            "referentiel:bassin_etablissements",
            reverse("referentiel:bassin_etablissements", args=[bassin.pk]),
            bassin_writers,
            method="post",
            data={"departement": school.departement.pk, "etablissements": [school.pk]},
        ),
    ]
