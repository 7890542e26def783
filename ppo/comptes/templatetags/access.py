"""What templates ask about the user, through the same functions as the views (ppo.comptes.perms)."""

from django import template

from ppo.comptes import perms

register = template.Library()


@register.filter
def is_operator(user) -> bool:
    """`{% if user|is_operator %}`: a platform operator (templates never read the raw staff flag)."""
    return user is not None and perms.is_operator(user)
