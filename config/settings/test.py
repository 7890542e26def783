"""Tests: fast hashing, mails kept in memory."""

from config.settings.dev import *  # noqa: F403

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
AXES_ENABLED = True
MEDIA_ROOT = "/tmp/ppo-test-media"
# Tasks run in the request; tests of the background path override TASKS (tests/documents/test_pdf_prepare.py).
TASKS = {"default": {"BACKEND": TASK_BACKENDS["immediate"]}}  # noqa: F405
