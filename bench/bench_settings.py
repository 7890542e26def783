"""Production settings (config.settings.base) plus one hello-world URL, for the benches only (bench/urls.py)."""

from config.settings.base import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
