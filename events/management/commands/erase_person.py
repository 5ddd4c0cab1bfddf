"""Erase one person's data on request: named attendance and registrations."""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email

from events.training import erase_person


class Command(BaseCommand):
    help = (
        "Erase what the portal holds on the person with this e-mail address: "
        "their names on training records (for certificates) and the name and "
        "details of their event registrations. Counts and attendance stay."
    )

    def add_arguments(self, parser):
        parser.add_argument("email", help="The person's e-mail address.")

    def handle(self, *args, email, **options):
        email = email.strip()
        try:
            validate_email(email)
        except ValidationError as error:
            raise CommandError(f"“{email}” is not an e-mail address.") from error
        erased = erase_person(email)
        self.stdout.write(
            f"Erased {erased['named_attendance']} named attendance and "
            f"{erased['registrations']} registrations for {email}."
        )
