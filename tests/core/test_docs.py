"""The operator's docs keep up with the code: every environment variable read by the settings is documented, and
the README production block says what docs/deploiement.md says."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
SETTINGS = ROOT / "config" / "settings"


def _settings_variables() -> set[str]:
    names = set()
    for path in SETTINGS.glob("*.py"):
        names |= set(re.findall(r'env(?:\.\w+)?\(\s*"([A-Z][A-Z0-9_]+)"', path.read_text()))
    return names


def _documented() -> set[str]:
    return set(re.findall(r"`([A-Z][A-Z0-9_]+)`", (ROOT / "docs" / "configuration.md").read_text()))


def test_every_variable_read_by_the_settings_is_in_configuration_md():
    variables = _settings_variables()
    assert {"CACHE_URL", "SESSION_ENGINE", "SECRET_KEY_FALLBACKS", "ADMINS", "HEALTH_TOKEN"} <= variables
    assert variables - _documented() == set()


def _readme_production_variables() -> set[str]:
    readme = (ROOT / "README.md").read_text()
    block = readme[readme.index("## En production") : readme.index("## Importer l’annuaire officiel")]
    return set(re.findall(r"^([A-Z][A-Z0-9_]+)=", block, flags=re.MULTILINE))


def test_readme_production_block_matches_the_deployment_docs():
    variables = _readme_production_variables()
    assert {"CSRF_TRUSTED_ORIGINS", "SITE_URL", "MEDIA_ROOT", "STATIC_ROOT", "CACHE_URL"} <= variables
    deploiement = (ROOT / "docs" / "deploiement.md").read_text()
    secrets_file = deploiement[
        deploiement.index("## Fichier des secrets") : deploiement.index("### Commandes à la main")
    ]
    assert variables <= set(re.findall(r"^([A-Z][A-Z0-9_]+)=", secrets_file, flags=re.MULTILINE))
    assert variables <= _documented()
    readme = (ROOT / "README.md").read_text()
    for timeout in ("--timeout 60", "--graceful-timeout 30", "--keep-alive 5"):
        assert timeout in readme and timeout in deploiement


def test_the_documented_commands_exist():
    from django.core.management import get_commands

    deploiement = (ROOT / "docs" / "deploiement.md").read_text()
    used = set(re.findall(r"manage\.py ([a-z_]+)", deploiement))
    assert {"create_first_accounts", "sendtestemail", "migrate", "collectstatic", "db_worker"} <= used
    assert used - set(get_commands()) == set()
    assert (ROOT / "bin" / "backup-check").exists()
