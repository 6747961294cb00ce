"""{% remember "name" %}…{% endremember %}: a part of a page's template rendered once per
page, language, host and content generation (cms.caching.memo), like Django's {% cache %}
but invalidated by every content change instead of a timeout.

Only for parts that show the page's own content (its body blocks, its facts): nothing that
depends on the reader (forms, CSRF tokens, the user) or on the day (days left to a deadline).
Outside a memo scope (previews, drafts, pages under view restrictions) the part is rendered
each time, as if the tag were not there.
"""

from django import template
from django.utils.safestring import mark_safe

from cms.caching.memo import remembered_html

register = template.Library()


class RememberNode(template.Node):
    def __init__(self, name, nodelist):
        self.name = name
        self.nodelist = nodelist

    def render(self, context):
        page = context.get("page")
        request = context.get("request")
        if page is None or request is None:
            return self.nodelist.render(context)
        name = self.name.resolve(context)
        # A str, not SafeString subclasses or lazy objects: the memo keeps plain values.
        html = remembered_html(("fragment", page.pk, name),
                               lambda: str(self.nodelist.render(context)), request)
        return mark_safe(html)


@register.tag
def remember(parser, token):
    bits = token.split_contents()
    if len(bits) != 2:
        raise template.TemplateSyntaxError(f"{bits[0]} takes one argument: the part's name")
    nodelist = parser.parse(("endremember",))
    parser.delete_first_token()
    return RememberNode(parser.compile_filter(bits[1]), nodelist)
