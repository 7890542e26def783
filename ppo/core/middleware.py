from django.core.signals import request_finished
from django.dispatch import receiver

from ppo.core.logs import current_request, current_request_id, request_id_from

REQUEST_ID_HEADER = "X-Request-ID"


class RequestIdMiddleware:
    """Gives each request an id (the proxy's X-Request-ID if it sends a sane one), puts it on `request.id`, on
    every log line written while the request runs, and on the response, so that a user's report, the proxy's
    access log and the application's logs can be matched.

    The context stays set until the response is sent (`request_finished`): Django writes its own line about an
    error response ("Not Found: …") after the middleware chain has returned."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.id = request_id_from(request.headers.get(REQUEST_ID_HEADER))
        current_request_id.set(request.id)
        current_request.set(request)
        response = self.get_response(request)
        response[REQUEST_ID_HEADER] = request.id
        return response


@receiver(request_finished, dispatch_uid="ppo.core.request_context_clear")
def _clear_request_context(**kwargs):
    current_request.set(None)
    current_request_id.set("-")
