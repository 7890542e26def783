"""What every log line says about the request it belongs to: its id, the user's id and the scope they work in.

Nothing else about the person (no name, no e-mail address, no IP address): an id is enough to find them in the
administration, and a log line stays readable by whoever runs the servers.
"""

import contextvars
import logging
import re
import uuid

from django.utils.functional import empty

current_request = contextvars.ContextVar("ppo_current_request", default=None)
current_request_id = contextvars.ContextVar("ppo_current_request_id", default="-")

# An id that a proxy or a load balancer sends is kept if it looks like one (no spaces, no control characters).
INCOMING_ID = re.compile(r"^[A-Za-z0-9._:-]{1,128}$")


def request_id_from(header: str | None) -> str:
    if header and INCOMING_ID.match(header):
        return header
    return uuid.uuid4().hex


def _loaded(lazy):
    """The object behind a lazy attribute of the request, or None if nothing has loaded it yet: a log line never
    costs a query."""
    wrapped = getattr(lazy, "_wrapped", lazy)
    return None if wrapped is empty else wrapped


def request_context(request) -> dict:
    user = _loaded(getattr(request, "user", None))
    membership = _loaded(getattr(request, "membership", None))
    return {
        "user_id": user.pk if user is not None and user.is_authenticated else None,
        "scope": membership.scope_key if membership is not None else None,  # "direction:etablissement:12"
    }


class RequestContextFilter(logging.Filter):
    """Adds `request_id`, `user_id` and `scope` to every record (`-` / None outside a request)."""

    def filter(self, record):
        record.request_id = current_request_id.get()
        request = current_request.get()
        context = request_context(request) if request is not None else {"user_id": None, "scope": None}
        record.user_id = context["user_id"]
        record.scope = context["scope"]
        return True
