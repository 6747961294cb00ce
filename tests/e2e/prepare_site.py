"""Run in the server's environment before gunicorn starts (`python -m tests.e2e.prepare_site`):
migrate, import the demo content exactly as `make run` does, and add the journeys' accounts
(an editor, a translator and a learner who coordinates an organisation)."""

import django
from django.core.management import call_command


def main():
    django.setup()
    from allauth.account.models import EmailAddress
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group, Permission

    from tests.e2e.server import COORDINATED_ORGANISATION, COORDINATOR, EDITOR, TRANSLATOR

    call_command("migrate", interactive=False, verbosity=0)
    call_command("compile_catalogues", verbosity=0)
    call_command("load_demo", verbosity=0)

    User = get_user_model()
    moderators = Group.objects.get(name="Moderators")
    translators, _ = Group.objects.get_or_create(name="Translators")
    translators.permissions.add(Permission.objects.get(
        content_type__app_label="wagtail_localize", codename="submit_translation"))
    translators.permissions.add(Permission.objects.get(codename="access_admin"))
    for (username, password), groups in ((EDITOR, [moderators]),
                                         (TRANSLATOR, [moderators, translators])):
        user = User.objects.create_user(username, f"{username}@example.org", password,
                                        first_name=username.split("-")[1].title())
        user.groups.set(groups)

    email, password = COORDINATOR
    coordinator = User.objects.create_user("e2e-coordinator", email, password,
                                           full_name="Samira Nouri", preferred_language="de")
    EmailAddress.objects.create(user=coordinator, email=email, verified=True, primary=True)
    call_command("make_coordinator", email, COORDINATED_ORGANISATION, verbosity=0)


if __name__ == "__main__":
    main()
