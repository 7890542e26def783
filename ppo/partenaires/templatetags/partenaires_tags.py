"""For other apps' templates: what links a PPO action to the catalogue or to an ambassador.

{% load partenaires_tags %}{% action_partenaire action %}
"""

from django import template
from django.core.exceptions import ObjectDoesNotExist

register = template.Library()


@register.inclusion_tag("partenaires/_action_partenaire.html")
def action_partenaire(action):
    """The offer an action comes from, and the ambassador requests linked to it (one query each, cached)."""
    try:
        link = action.offre_link
    except ObjectDoesNotExist:
        link = None
    demandes = list(action.demandes_ambassadeur.select_related("ambassadeur"))
    return {"offre": link.offre if link else None, "demandes": demandes}
