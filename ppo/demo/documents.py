"""Demo data of the documents app: the lycée professionnel's calendar subscription link already exists."""

from ppo.documents.models import CalendarToken


def load(demo) -> None:
    CalendarToken.objects.get_or_create(
        etablissement=demo.schools["lp"], defaults={"created_by": demo.users["direction.lp@demo.ppo.fr"]}
    )
