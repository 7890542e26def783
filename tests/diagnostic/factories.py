"""Objects of the diagnostic tests, built through the services like the application does."""

from decimal import Decimal

from ppo.diagnostic.models import Indicateur, Questionnaire
from ppo.diagnostic.services import inventaire_item_add, reponse_get_or_create, reponse_save, valeur_save
from ppo.plans.models import PPO
from ppo.plans.services import ppo_create


def programme_of(school, user, first_year=2025, years=3):
    """The first programme of the school's PPO starting that year (reused when another app's cases made it)."""
    ppo = PPO.objects.filter(etablissement=school, first_year=first_year).first()
    if ppo is None:
        ppo = ppo_create(etablissement=school, first_year=first_year, years=years, user=user)
    return ppo.programmes.order_by("year").first()


def inventaire_questionnaire():
    return Questionnaire.objects.get(code="inventaire-des-actions")


def etat_des_lieux():
    return Questionnaire.objects.get(code="etat-des-lieux")


def answered(programme, user, questionnaire, *, text="Réponse", submit=True, items=0):
    """A respondent's answers: `text` to every question, optionally submitted, with `items` inventoried actions."""
    reponse = reponse_get_or_create(programme=programme, questionnaire=questionnaire, user=user)
    questions = [q for s in questionnaire.sections.all() for q in s.questions.all()]
    reponse_save(
        reponse=reponse,
        answers={
            q: {"text": f"{text} {q.code}", "yes_no": True, "number": Decimal(3), "choice": ""} for q in questions
        },
        submit=submit,
    )
    niveau = programme.ppo.etablissement.niveaux.first()
    for i in range(items):
        inventaire_item_add(reponse=reponse, title=f"Action {i} de {user.email}", niveaux=[niveau], period="mars")
    return reponse


def values(school, user, code="taux_poursuite_etudes", years=(2021, 2022, 2023), start=50):
    indicateur = Indicateur.objects.get(code=code)
    for i, year in enumerate(years):
        valeur_save(etablissement=school, indicateur=indicateur, year=year, value=Decimal(start + i), user=user)
    return indicateur
