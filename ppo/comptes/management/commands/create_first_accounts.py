"""Creates the first académie, bassin and partner accounts of an académie, with their memberships.

    manage.py create_first_accounts --academie 70 \
        --compte-academie referent.ppo@ac-normandie.fr \
        --bassin "Caen=ien.caen@ac-normandie.fr" \
        --partenaire "Région Normandie=region=orientation@normandie.fr" \
        --commit

Without --commit: a dry run that says what would be done and writes nothing. Run again, it changes nothing.
"""

from django.core.management.base import BaseCommand, CommandError

from ppo.comptes.bootstrap import BootstrapError, ScopeRequest, first_accounts_create


def _emails(text: str) -> tuple[str, ...]:
    return tuple(e for e in (part.strip() for part in text.split(",")) if e)


def _bassin(value: str) -> ScopeRequest:
    name, sep, emails = value.rpartition("=")
    if not sep:
        raise CommandError(f"--bassin attend « Nom=adresse[,adresse…] », pas « {value} ».")
    return ScopeRequest(name, _emails(emails))


def _partenaire(value: str) -> ScopeRequest:
    parts = value.rsplit("=", 2)
    if len(parts) != 3:
        raise CommandError(f"--partenaire attend « Nom=type=adresse[,adresse…] », pas « {value} ».")
    name, kind, emails = parts
    return ScopeRequest(name, _emails(emails), kind.strip())


class Command(BaseCommand):
    help = "Crée les premiers comptes d’une académie (académie, bassins, partenaires) et leurs rattachements."

    def add_arguments(self, parser):
        parser.add_argument("--academie", required=True, help="code de l’académie (70 pour Normandie)")
        parser.add_argument("--compte-academie", action="append", default=[], metavar="ADRESSE")
        parser.add_argument("--bassin", action="append", default=[], metavar="NOM=ADRESSE[,ADRESSE]")
        parser.add_argument("--partenaire", action="append", default=[], metavar="NOM=TYPE=ADRESSE[,ADRESSE]")
        parser.add_argument("--commit", action="store_true", help="enregistre (sans cette option : simulation)")

    def handle(self, *args, **options):
        commit = options["commit"]
        try:
            report = first_accounts_create(
                academie_code=options["academie"],
                academie_emails=options["compte_academie"],
                bassins=[_bassin(v) for v in options["bassin"]],
                structures=[_partenaire(v) for v in options["partenaire"]],
                commit=commit,
            )
        except BootstrapError as error:
            raise CommandError(str(error)) from error
        if not commit:
            self.stdout.write("Simulation : rien n’est enregistré ni envoyé (ajouter --commit pour enregistrer).")
        for line in report.lines:
            self.stdout.write(line)
        if commit:
            sent = len(report.created_users)
            self.stdout.write(
                self.style.SUCCESS(
                    f"{report.changes} changement(s) enregistré(s) ; {sent} courriel(s) d’invitation envoyé(s)."
                )
            )
        else:
            self.stdout.write(f"{report.changes} changement(s) à faire.")
