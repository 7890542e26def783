"""Turns a refused edit on a locked programme into its explanation and a way on (the programme's page)."""

from django.contrib import messages
from django.shortcuts import redirect

from ppo.plans.lifecycle import ProgrammeLocked


class ProgrammeLockedMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, ProgrammeLocked):
            return None
        messages.error(request, str(exception))
        response = redirect(exception.url)
        if request.headers.get("HX-Request"):
            response["HX-Redirect"] = exception.url
        return response
