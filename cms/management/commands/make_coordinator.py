"""Name an organisation's first (or another) coordinator: the person who creates invitation
links and manages the organisation's members on the site. Staff only (it takes a shell),
which is the point: nobody can make themselves a coordinator from the web."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from cms.models import Membership, Organisation


class Command(BaseCommand):
    help = "Make the account with EMAIL a coordinator of the organisation with SLUG."

    def add_arguments(self, parser):
        parser.add_argument("email")
        parser.add_argument("organisation", help="the organisation's slug")

    def handle(self, *args, email, organisation, **options):
        user = get_user_model().objects.filter(email__iexact=email.strip(),
                                               is_active=True).first()
        if user is None:
            raise CommandError(f"No active account with the e-mail address {email!r}.")
        found = Organisation.objects.filter(slug=organisation,
                                            locale__language_code="de").first() \
            or Organisation.objects.filter(slug=organisation).first()
        if found is None:
            raise CommandError(f"No organisation with the slug {organisation!r}.")
        membership = Membership.make_coordinator(user, found)
        self.stdout.write(self.style.SUCCESS(
            f"{user.email} is now a coordinator of {membership.organisation.name}."))
