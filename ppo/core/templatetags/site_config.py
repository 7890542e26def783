"""The site settings for pages rendered without a request (the 500 page): no context processor runs there."""

from django import template

from ppo.core import context_processors

register = template.Library()


@register.simple_tag
def site_config():
    return context_processors.SITE_CONFIG
