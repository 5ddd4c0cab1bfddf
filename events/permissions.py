"""Who may see an event's registrations: its network's coordinators."""

from django.db.models import Q

from network.models import NetworkPage


def coordinated_networks(user):
    """Return the networks whose coordinators group `user` belongs to."""
    if not (user and user.is_authenticated and user.is_active):
        return NetworkPage.objects.none()
    return NetworkPage.objects.filter(coordinators_group__in=user.groups.all())


def can_manage_registrations(user, event):
    """
    Return whether `user` may see and export `event`'s registrations: the
    coordinators of the organising network or of a network above it.
    """
    if not (user and user.is_authenticated and user.is_active):
        return False
    if user.is_superuser:
        return True
    return any(
        event.path.startswith(network.path) for network in coordinated_networks(user)
    )


def managed_networks(user):
    """
    Return the networks whose training records `user` may manage: those
    they coordinate and the networks below them (every network for admins).
    """
    if user and user.is_active and user.is_superuser:
        return NetworkPage.objects.all()
    condition = Q()
    for network in coordinated_networks(user):
        condition |= Q(path__startswith=network.path)
    return (
        NetworkPage.objects.filter(condition)
        if condition
        else NetworkPage.objects.none()
    )
