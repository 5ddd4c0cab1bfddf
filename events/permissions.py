"""Who may see an event's registrations: its network's coordinators."""

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
