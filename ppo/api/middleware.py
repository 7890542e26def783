"""Logs every call made with an API key once the response is ready, outside the request's transaction: a call that
failed (and rolled back) is logged too."""

from ppo.api import services


class ApiCallLogMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        key = getattr(request, "api_key", None)
        if key is not None:
            services.api_call_log(
                key=key, method=request.method, path=request.get_full_path(), status=response.status_code
            )
        return response
