"""Tests: fast hashing, mails kept in memory.

The backends the docs offer may be chosen from the environment, as in production: `CACHE_URL`
(redis://…) and `SESSION_ENGINE` (cached_db…). `.ci/run` runs a smoke subset that way (docs/tests.md).
"""

import os

from config.settings.dev import *  # noqa: F403
from config.settings.dev import env

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# pytest-django and Django's test runner keep mails in memory (mail.outbox) whatever EMAIL_URL says; the SMTP path
# is tested against a local SMTP server (tests/core/test_backends.py).
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
if "CACHE_URL" in os.environ:
    CACHES = {"default": env.cache("CACHE_URL")}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
AXES_ENABLED = True
MEDIA_ROOT = "/tmp/ppo-test-media"
# Tasks run in the request; tests of the background path override TASKS (tests/documents/test_pdf_prepare.py).
TASKS = {"default": {"BACKEND": TASK_BACKENDS["immediate"]}}  # noqa: F405
# Our templates fail on an unknown variable (tests/strict_templates.py, ADR 031); STRICT_TEMPLATES=0 to turn it off.
STRICT_TEMPLATES = env.bool("STRICT_TEMPLATES", default=True)
