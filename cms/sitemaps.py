from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page, Site


class AllLanguagesSitemap(Sitemap):
    """Every live public page in every language (Wagtail's sitemap lists only one language)."""

    def items(self):
        site = Site.find_for_request(self.request)
        if site is None:
            return Page.objects.none()
        roots = site.root_page.get_translations(inclusive=True)
        query = Page.objects.none()
        for root in roots:
            query |= Page.objects.descendant_of(root, inclusive=True)
        return query.live().public().order_by("path").specific()
