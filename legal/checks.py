from django.conf import settings
from django.core import checks


@checks.register(checks.Tags.compatibility, deploy=True)
def contact_email_is_set(app_configs, **kwargs):
    """The contact form's messages must reach someone: CONTACT_EMAIL is required in
    docker-compose.yml; a deploy without it still gets the development default."""
    address = settings.CONTACT_EMAIL or ""
    if "@" not in address or address.rpartition("@")[2] in ("localhost", "example.org"):
        return [checks.Warning(
            f"CONTACT_EMAIL is {address!r}: the contact form's messages would reach nobody.",
            hint="Set the environment variable CONTACT_EMAIL to the mailbox that answers "
                 "readers.", id="legal.W001")]
    return []
