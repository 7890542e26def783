"""The health of one application server, as a load balancer or a monitoring probe asks for it (`/sante/`).

Each check answers on its own and never raises: a database that does not answer does not hide the state of the
cache. The public only learns "ok" or "not ok"; the details are for operators (docs/deploiement.md).
"""

import shutil
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.utils import timezone


@dataclass(frozen=True)
class Check:
    name: str
    ok: bool
    detail: dict = field(default_factory=dict)


def _database() -> Check:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as error:
        return Check("database", False, {"error": type(error).__name__})
    return Check("database", True, {"vendor": connection.vendor})


def _cache() -> Check:
    key, value = f"health:{uuid.uuid4().hex}", uuid.uuid4().hex
    try:
        cache.set(key, value, 10)
        read = cache.get(key)
        cache.delete(key)
    except Exception as error:
        return Check("cache", False, {"error": type(error).__name__})
    backend = settings.CACHES["default"]["BACKEND"].rsplit(".", 1)[-1]
    return Check("cache", read == value, {"backend": backend})


def _tasks() -> Check:
    """The oldest task waiting for a worker (django_tasks_db): a queue nobody empties shows here."""
    from django_tasks_db.models import DBTaskResult, get_date_max

    limit = settings.HEALTH_MAX_TASK_WAIT_SECONDS
    try:
        oldest = DBTaskResult.objects.ready().order_by("enqueued_at").values("enqueued_at", "run_after").first()
        waiting = DBTaskResult.objects.ready().count()
    except Exception as error:
        return Check("tasks", False, {"error": type(error).__name__})
    if oldest is None:
        return Check("tasks", True, {"waiting": 0, "oldest_wait_seconds": 0, "limit_seconds": limit})
    since = oldest["enqueued_at"]
    if oldest["run_after"] != get_date_max():
        since = max(since, oldest["run_after"])
    age = max(0, int((timezone.now() - since).total_seconds()))
    return Check("tasks", age <= limit, {"waiting": waiting, "oldest_wait_seconds": age, "limit_seconds": limit})


def _existing(path: Path) -> Path:
    """The folder itself, or the nearest parent that exists (MEDIA_ROOT is created by the first upload)."""
    while not path.exists() and path != path.parent:
        path = path.parent
    return path


def _disk() -> Check:
    minimum = settings.HEALTH_MIN_FREE_DISK_MB
    try:
        usage = shutil.disk_usage(_existing(Path(settings.MEDIA_ROOT)))
    except OSError as error:
        return Check("disk", False, {"error": type(error).__name__})
    free_mb = usage.free // (1024 * 1024)
    return Check("disk", free_mb >= minimum, {"free_mb": free_mb, "minimum_mb": minimum})


CHECKS = (_database, _cache, _tasks, _disk)


def health_checks() -> list[Check]:
    return [check() for check in CHECKS]
