from django import template
from wagtail.models import Page

from cms.i18n import active_language

from ..contact import contact_url
from ..footer import footer_links

register = template.Library()


@register.inclusion_tag("legal/footer_links.html", takes_context=True)
def legal_footer_links(context):
    """The legal pages and the contact form in the reader's language; from a content page the
    contact link names it. Error pages (cms.views.render_error gives them a `status`) read the
    cache only: they ask the database nothing, which may be down or not migrated."""
    language = active_language()
    request = context.get("request")
    about = request.path if request and isinstance(context.get("page"), Page) else ""
    links = footer_links(language, use_database=context.get("status") is None)
    return {"links": links, "language": language, "contact_url": contact_url(page=about)}
