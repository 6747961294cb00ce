"""{% follows_programme page as following %}: does the signed-in reader follow it? (The
follow form on programme pages; anonymous readers, who may get a shared copy, get False
without a query.)"""

from django import template

register = template.Library()


@register.simple_tag(takes_context=True)
def follows_programme(context, page) -> bool:
    from funding.alerts.models import AlertSubscription

    user = getattr(context.get("request"), "user", None)
    if user is None or not user.is_authenticated:
        return False
    return AlertSubscription.objects.filter(user=user,
                                            programme_key=page.translation_key).exists()
