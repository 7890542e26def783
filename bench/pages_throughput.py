"""Throughput of the key pages at 16 concurrent connections, side by side with a Django hello-world, in one run.

gunicorn (production settings: config.settings.base through bench/bench_settings.py, which only adds the
hello-world URL), PostgreSQL (the national data set of bench/national_data.py), Redis cache (CACHE_URL) and
cached_db sessions; the load tool is `wrk` (Debian package), 16 connections, 2 threads, --seconds per page.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/ppo_scale_national CACHE_URL=redis://127.0.0.1:6379/7 \\
        .venv/bin/python bench/pages_throughput.py [--seconds 10] [--workers 2] [--analyse]

Prints, per page: req/s, share of the hello-world's req/s, median and p95 latency, non-2xx responses, and the load
average; the targets of issue 17 (authenticated pages ≥ 10 %, public page ≥ 25 %, p95 of school pages < 100 ms).
--analyse runs ANALYZE first (the "analysed" figures); without it the data set is as loaded (--fresh: no ANALYZE).
"""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ["DJANGO_SETTINGS_MODULE"] = "bench.bench_settings"
os.environ.setdefault("SECRET_KEY", "bench-only-secret-key-not-for-production-0123456789")
os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1,localhost")
os.environ.setdefault("SECURE_SSL_REDIRECT", "false")
os.environ.setdefault("CACHE_URL", "redis://127.0.0.1:6379/7")

LUA = """
done = function(summary, latency, requests)
  io.write(string.format("RESULT %d %d %d %d %d\\n", summary.requests, summary.duration,
    latency:percentile(50), latency:percentile(95), summary.errors.status + summary.errors.connect
    + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
"""


def session_cookie(user) -> str:
    """A logged-in session of `user` in the production session store (what the login view would create)."""
    from importlib import import_module

    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY

    store = import_module(settings.SESSION_ENGINE).SessionStore()
    store[SESSION_KEY] = str(user.pk)
    store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    store.create()
    return f"{settings.SESSION_COOKIE_NAME}={store.session_key}"


def pages():
    """(label, path, cookie, kind) of the measured pages: kind "auth", "school" (auth and school), "public"."""
    from ppo.comptes.models import User
    from ppo.core.dates import current_school_year
    from ppo.plans.models import Action, ProgrammeAnnuel

    vitrine = User.objects.get(email="vitrine@bench.ppo")
    reviewer = User.objects.get(email="academie1@bench.ppo")
    programme = ProgrammeAnnuel.objects.get(ppo__etablissement__uai__startswith="0149999", year=current_school_year())
    action = Action.objects.filter(programme=programme).order_by("pk").first()
    previous = ProgrammeAnnuel.objects.get(ppo=programme.ppo, year=programme.year - 1)
    published = ProgrammeAnnuel.objects.filter(status="publie").order_by("pk").first()
    school, academie = session_cookie(vitrine), session_cookie(reviewer)
    n = Action.objects.filter(programme=programme).count()
    return [
        ("Bonjour (Django, référence)", "/bench/bonjour/", "", "ref"),
        ("Accueil", "/", "", "public"),
        (f"Grille du programme ({n} actions)", f"/ppo/programme/{programme.pk}/", school, "school"),
        ("Liste des actions", f"/ppo/programme/{programme.pk}/actions/", school, "school"),
        ("Formulaire d’une action", f"/ppo/action/{action.pk}/", school, "school"),
        ("Suivi des actions (année passée)", f"/suivi/programme/{previous.pk}/", school, "school"),
        ("Recherche dans le catalogue", "/partenaires/catalogue/?q=m%C3%A9tiers", school, "school"),
        ("Tableau de bord de l’académie", "/pilotage/", academie, "auth"),
        ("Page publique d’un programme", f"/ppo/public/{published.public_id}/", "", "public"),
    ]


def wait_up(url, timeout=60):
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            urllib.request.urlopen(url, timeout=2)
            return
        except Exception:
            time.sleep(0.3)
    raise SystemExit(f"Le serveur ne répond pas : {url}")


def wrk(url, cookie, seconds, lua):
    cmd = ["wrk", "-t2", "-c16", f"-d{seconds}s", "--timeout", "10s", "-s", lua, url]
    if cookie:
        cmd[1:1] = ["-H", f"Cookie: {cookie}"]
    out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
    line = next(x for x in out.splitlines() if x.startswith("RESULT"))
    requests, duration_us, p50, p95, errors = map(int, line.split()[1:])
    return requests / (duration_us / 1e6), p50 / 1000, p95 / 1000, errors


def check(url, cookie):
    request = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})
    with urllib.request.urlopen(request, timeout=30) as response:
        assert response.status == 200 and "/compte/connexion" not in response.url, (url, response.url)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--port", type=int, default=8771)
    parser.add_argument("--analyse", action="store_true", help="ANALYZE avant la mesure")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk introuvable : apt-get install wrk")
    import django

    django.setup()
    from django.db import connection

    if args.analyse:
        from bench.national_data import analyse

        print(f"ANALYZE : {analyse():.1f} s")
    with connection.cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM referentiel_etablissement")
        schools = cursor.fetchone()[0]
        cursor.execute("SELECT MAX(last_analyze), MAX(last_autoanalyze) FROM pg_stat_user_tables")
        analysed = any(cursor.fetchone())
    cases = pages()
    connection.close()
    env = dict(os.environ, DJANGO_SETTINGS_MODULE="bench.bench_settings")
    server = subprocess.Popen(
        [str(ROOT / ".venv/bin/gunicorn"), "config.wsgi:application", "--workers", str(args.workers),
         "--bind", f"127.0.0.1:{args.port}", "--log-level", "warning"],
        cwd=ROOT, env=env,
    )  # fmt: skip
    base = f"http://127.0.0.1:{args.port}"
    try:
        wait_up(base + "/bench/bonjour/")
        with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as f:
            f.write(LUA)
        print(
            f"{schools} établissements, données {'analysées' if analysed else 'fraîches (sans ANALYZE)'} ; gunicorn "
            f"{args.workers} workers, 16 connexions, {args.seconds} s par page, SESSION_ENGINE={_engine()}"
        )
        print(f"{'page':<40} {'req/s':>8} {'% réf.':>7} {'médiane':>8} {'p95':>8} {'erreurs':>7}")
        results, ref = [], None
        for label, path, cookie, kind in cases:
            check(base + path, cookie)
            wrk(base + path, cookie, 2, f.name)  # warm-up (caches, connections)
            rps, p50, p95, errors = wrk(base + path, cookie, args.seconds, f.name)
            ref = rps if kind == "ref" else ref
            share = 100 * rps / ref
            target = {"public": 25, "school": 10, "auth": 10}.get(kind)
            verdict = ""
            if target:
                ok = share >= target and (kind != "school" or p95 < 100)
                verdict = (
                    ("atteint" if ok else "NON atteint")
                    + f" (≥ {target} %"
                    + (", p95 < 100 ms)" if kind == "school" else ")")
                )
            print(f"{label:<40} {rps:8.1f} {share:6.1f}% {p50:6.1f}ms {p95:6.1f}ms {errors:7d}  {verdict}", flush=True)
            results.append((label, rps, share, p50, p95, errors, verdict))
        print(f"Charge moyenne (1, 5, 15 min) : {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    finally:
        server.terminate()
        server.wait(timeout=20)


def _engine():
    from django.conf import settings

    return settings.SESSION_ENGINE.rsplit(".", 1)[-1]


if __name__ == "__main__":
    main()
