"""How the schema describes the key (drf-spectacular extension, loaded by ApiConfig.ready)."""

from drf_spectacular.extensions import OpenApiAuthenticationExtension


class ApiKeyScheme(OpenApiAuthenticationExtension):
    target_class = "ppo.api.authentication.ApiKeyAuthentication"
    name = "cle"

    def get_security_definition(self, auto_schema):
        return {
            "type": "http",
            "scheme": "bearer",
            "description": "Clé d’API (ppo_…), créée dans la plateforme, page « Clés d’API ».",
        }


PROBLEM = {
    "type": "object",
    "description": "Erreur au format RFC 9457 (problem details), en français.",
    "properties": {
        "type": {"type": "string"},
        "title": {"type": "string"},
        "status": {"type": "integer"},
        "detail": {"type": "string"},
        "instance": {"type": "string"},
        "erreurs": {"description": "Pour une requête invalide : les messages par champ.", "type": ["object", "array"]},
    },
    "required": ["type", "title", "status", "detail"],
}
ERRORS = {
    "400": "Requête invalide (paramètre ou corps).",
    "401": "Clé d’API absente, invalide ou révoquée.",
    "403": "La clé ne donne pas accès à cette adresse.",
    "404": "Introuvable dans le périmètre.",
    "429": "Trop de requêtes : réessayer plus tard.",
}


NO_NULL = "^[^\\x00]*$"


def add_problem_responses(result, generator, request, public):
    """Postprocessing hook: every operation documents its errors, as problem details, and what text it refuses."""
    result.setdefault("components", {}).setdefault("schemas", {})["Probleme"] = PROBLEM
    ref = {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Probleme"}}}
    for operations in result.get("paths", {}).values():
        for operation in operations.values():
            for parameter in operation.get("parameters", []):
                schema = parameter.get("schema", {})
                if schema.get("type") == "string" and "format" not in schema and "enum" not in schema:
                    schema.setdefault("pattern", NO_NULL)  # Django refuses the NUL character in a text field
            responses = operation.setdefault("responses", {})
            for code, description in ERRORS.items():
                responses.setdefault(code, {"description": description, "content": ref})
    return result
