"""The platform's URLs plus a Django hello-world, the reference of bench/pages_throughput.py."""

from django.http import HttpResponse
from django.urls import path

from config.urls import urlpatterns as platform


def bonjour(request):
    return HttpResponse("Bonjour", content_type="text/plain; charset=utf-8")


urlpatterns = [path("bench/bonjour/", bonjour), *platform]
