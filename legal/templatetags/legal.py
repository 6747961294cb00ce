from django import template
from wagtail.models import Page

from cms.i18n import active_language

from ..contact import contact_url
from ..footer import footer_links

register = template.Library()


@register.inclusion_tag("legal/footer_links.html", takes_context=True)
def legal_footer_links(context):
    """The legal pages and the contact form in the reader's language; from a content page the
    contact link names it. Error pages of the server (status 500 and up: the database may be
    down) read the cache only."""
    status = context.get("status") or 200
    language = active_language()
    request = context.get("request")
    about = request.path if request and isinstance(context.get("page"), Page) else ""
    return {"links": footer_links(language, use_database=status < 500), "language": language,
            "contact_url": contact_url(page=about)}
