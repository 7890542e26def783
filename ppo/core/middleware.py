from ppo.core.logs import current_request, current_request_id, request_id_from

REQUEST_ID_HEADER = "X-Request-ID"


class RequestIdMiddleware:
    """Gives each request an id (the proxy's X-Request-ID if it sends a sane one), puts it on `request.id`, on
    every log line written while the request runs, and on the response, so that a user's report, the proxy's
    access log and the application's logs can be matched."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.id = request_id_from(request.headers.get(REQUEST_ID_HEADER))
        id_token = current_request_id.set(request.id)
        request_token = current_request.set(request)
        try:
            response = self.get_response(request)
        finally:
            current_request.reset(request_token)
            current_request_id.reset(id_token)
        response[REQUEST_ID_HEADER] = request.id
        return response
