from django.utils.functional import SimpleLazyObject

from ppo.comptes.perms import active_memberships

SESSION_KEY = "active_membership_id"


def get_active_membership(request):
    memberships = active_memberships(request.user)
    if not memberships:
        return None
    wanted = request.session.get(SESSION_KEY)
    for membership in memberships:
        if membership.pk == wanted:
            return membership
    return memberships[0]


class ActiveMembershipMiddleware:
    """Puts the membership the user works under (chosen in the header) on `request.membership`, lazily."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.membership = SimpleLazyObject(lambda: get_active_membership(request))
        return self.get_response(request)
