"""Our templates fail loudly on an unknown variable, in tests (ADR 031).

Django writes `string_if_invalid` (an empty string) where `{{ variable }}` names nothing: a typo or a variable the
view forgot shows as a blank on the page and no test notices. Here an unknown variable printed by one of our
templates (`ppo/…/templates`) raises `UnknownTemplateVariable` instead. What is not ours (django-dsfr, the admin)
keeps Django's behaviour: those templates read optional variables on purpose.

Not `string_if_invalid` itself: Django also returns it for silent failures (a missing one-to-one) inside `{% if %}`,
where a non-empty marker would turn false into true, and it skips the filters, so `|default:` could not help.

Still silent, as in Django: `{% if %}`, `{% for %}`, `{% firstof %}` (they tolerate a missing variable by design),
and `{{ variable|default:"…" }}` (or `|default_if_none:`), the explicit way to say that a variable is optional.
Switched by `STRICT_TEMPLATES` (config/settings/test.py; `STRICT_TEMPLATES=0` in the environment turns it off).
"""

import sys

from django.conf import settings
from django.template import base

FALLBACK_FILTERS = {"default", "default_if_none"}


class UnknownTemplateVariable(Exception):
    pass


def _ours(origin) -> bool:
    name = getattr(origin, "name", "") or ""
    return str(name).startswith(str(settings.BASE_DIR / "ppo"))


def _node_origin(frame):
    """The origin of the template node being rendered (the template the variable is written in)."""
    while frame is not None:
        node = frame.f_locals.get("self")
        if isinstance(node, base.Node):
            return getattr(node, "origin", None)
        frame = frame.f_back
    return None


_original_resolve = base.Variable.resolve


def _strict_resolve(self, context):
    try:
        return _original_resolve(self, context)
    except base.VariableDoesNotExist:
        caller = sys._getframe(1)
        expression = caller.f_locals.get("self")
        if (
            caller.f_code is base.FilterExpression.resolve.__code__
            and expression is not None
            and expression.var is self
            and not caller.f_locals.get("ignore_failures")
            and not (expression.filters and expression.filters[0][0].__name__ in FALLBACK_FILTERS)
        ):
            origin = _node_origin(caller.f_back)
            if getattr(settings, "STRICT_TEMPLATES", False) and _ours(origin):
                raise UnknownTemplateVariable(
                    f"Variable inconnue « {self.var} » dans {origin.template_name} : passez-la au gabarit, "
                    "ou écrivez |default:… si elle est facultative."
                ) from None
        raise


def install() -> None:
    base.Variable.resolve = _strict_resolve
