"""Errors as RFC 9457 problem details (`application/problem+json`), in French."""

from rest_framework import exceptions, status
from rest_framework.renderers import JSONRenderer
from rest_framework.views import exception_handler

TITLES = {
    400: "Requête invalide",
    401: "Authentification requise",
    403: "Accès refusé",
    404: "Introuvable",
    405: "Méthode non autorisée",
    406: "Format non disponible",
    415: "Type de contenu non pris en charge",
    429: "Trop de requêtes",
}


class ProblemJSONRenderer(JSONRenderer):
    media_type = "application/problem+json"


def problem_exception_handler(exc, context):
    response = exception_handler(exc, context)
    if response is None:
        return None
    code = response.status_code
    body = {
        "type": "about:blank",
        "title": TITLES.get(code, "Erreur"),
        "status": code,
        "instance": context["request"].get_full_path() if context.get("request") else "",
    }
    data = response.data
    if isinstance(exc, exceptions.ValidationError) and isinstance(data, dict | list):
        body["detail"] = "Certaines valeurs sont invalides : voir « erreurs »."
        body["erreurs"] = data
    elif isinstance(data, dict) and "detail" in data:
        body["detail"] = str(data["detail"])
    else:
        body["detail"] = str(data)
    if code == status.HTTP_429_TOO_MANY_REQUESTS and isinstance(exc, exceptions.Throttled) and exc.wait:
        body["detail"] = (
            f"Trop de requêtes avec cette clé ou depuis cette adresse : réessayez dans {int(exc.wait) + 1} s."
        )
    response.data = body
    response.content_type = "application/problem+json"
    return response
