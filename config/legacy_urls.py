"""The addresses of the académie's pages before they were split into three apps (`/academie/…`), still written in
e-mails already sent and in bookmarks: each answers with a permanent redirect to its new address, query string
kept. The new page checks who is asking, as always."""

import re

from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpResponsePermanentRedirect
from django.urls import re_path

# (old path under /academie/, new prefix): the first that matches wins.
MOVES = [
    (r"^campagnes/(?P<rest>.*)$", "/campagnes/"),
    (r"^(?P<rest>(priorites|temps-forts)/.*)$", "/campagnes/"),
    (r"^(?P<rest>programme/\d+/cadre/)$", "/ppo/"),
    (r"^(?P<rest>(programme/\d+/transmission|transmission|commentaire)/.*)$", "/examen/"),
    (r"^analyse/(?P<rest>.*)$", "/pilotage/"),
]


@login_not_required
def moved(request, path):
    for pattern, prefix in MOVES:
        if match := re.match(pattern, path):
            target = prefix + match["rest"]
            if request.META.get("QUERY_STRING"):
                target += "?" + request.META["QUERY_STRING"]
            return HttpResponsePermanentRedirect(target)
    raise Http404("Page introuvable.")


urlpatterns = [re_path(r"^(?P<path>.*)$", moved)]
