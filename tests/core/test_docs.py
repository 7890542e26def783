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


def _secrets_file_lines() -> list[str]:
    deploiement = (ROOT / "docs" / "deploiement.md").read_text()
    section = deploiement[deploiement.index("## Fichier des secrets") : deploiement.index("### Commandes à la main")]
    block = section[section.index("```sh\n") + 6 :]
    return block[: block.index("```")].splitlines()


def _systemd_value(raw: str) -> str:
    """How systemd's EnvironmentFile reads a value: surrounding single or double quotes are removed."""
    if len(raw) >= 2 and raw[0] == raw[-1] and raw[0] in "'\"":
        return raw[1:-1]
    return raw


def test_the_documented_secrets_file_reads_the_same_in_the_shell_and_in_systemd(tmp_path):
    import subprocess

    lines = _secrets_file_lines()
    assignments = [line for line in lines if not line.startswith("#") and line.strip()]
    assert all(re.match(r"^[A-Z][A-Z0-9_]*=", line) for line in assignments), assignments
    assert not [line for line in assignments if " #" in line]  # systemd would keep a trailing comment in the value
    expected = {line.split("=", 1)[0]: _systemd_value(line.split("=", 1)[1]) for line in assignments}
    path = tmp_path / "env"
    path.write_text("\n".join(lines) + "\n")
    script = f"set -a; . {path}; set +a; env -0"
    result = subprocess.run(["bash", "-c", script], capture_output=True, text=True, check=True, env={})
    shell = dict(item.split("=", 1) for item in result.stdout.split("\0") if "=" in item)
    assert {name: shell.get(name) for name in expected} == expected
    assert expected["DEFAULT_FROM_EMAIL"] == "PPO <ne-pas-repondre@ppo.example.fr>"


def test_readme_secrets_block_has_no_trailing_comments():
    readme = (ROOT / "README.md").read_text()
    block = readme[readme.index("## En production") : readme.index("## Importer l’annuaire officiel")]
    assignments = re.findall(r"^[A-Z][A-Z0-9_]+=.*$", block, flags=re.MULTILINE)
    assert assignments and not [line for line in assignments if " #" in line]
