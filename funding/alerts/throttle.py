"""How many confirmation mails one address, or one client, can make us send: at most
LIMIT_PER_ADDRESS / LIMIT_PER_CLIENT within WINDOW, as for password-reset mails
(cms.accounts.signin). Each request is an AlertMailRequest row of keyed hashes, written before
counting, so concurrent requests can only make the limit stricter."""

import datetime
import hashlib
import hmac

from django.conf import settings
from django.utils import timezone

from cms.accounts.client_ip import client_ip

from .models import AlertMailRequest

WINDOW = datetime.timedelta(hours=1)
LIMIT_PER_ADDRESS = 3
LIMIT_PER_CLIENT = 10


def _digest(kind: str, value: str) -> str:
    return hmac.new(settings.SECRET_KEY.encode(), f"alerts:{kind}:{value}".encode(),
                    hashlib.sha256).hexdigest()


def allow_confirmation_mail(email: str, request) -> bool:
    """Record this request and say whether a mail may still be sent for it."""
    now = timezone.now()
    address = _digest("address", email.strip().lower())
    client = _digest("client", client_ip(request) or "")
    AlertMailRequest.objects.create(address_hash=address, client_hash=client, requested_at=now)
    recent = AlertMailRequest.objects.filter(requested_at__gt=now - WINDOW)
    return (recent.filter(address_hash=address).count() <= LIMIT_PER_ADDRESS
            and recent.filter(client_hash=client).count() <= LIMIT_PER_CLIENT)


def prune(now=None) -> int:
    now = now or timezone.now()
    return AlertMailRequest.objects.filter(requested_at__lte=now - WINDOW).delete()[0]
