"""StreamField blocks for guides and funding programmes, all in one place.

Every block has an icon, a template, a description and a preview value so the editor's block
picker explains itself. Templates live in templates/blocks/.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.rich_text import RichText

from cms.sanitise import clean_html
from cms.searchable_text import rich_text_lines

RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul", "h3"]


class HeadingBlock(blocks.CharBlock):
    """A section heading (h2). Guides with several build their table of contents from these."""

    class Meta:
        icon = "title"
        template = "blocks/heading.html"
        label = _("Section heading")
        description = _("Starts a new section; appears in the table of contents.")
        preview_value = "Was Sie vor der Gründung klären sollten"


class TextBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        super().__init__(features=RICH_TEXT_FEATURES, **kwargs)

    def get_api_representation(self, value, context=None):
        """The API serves the stored HTML; it passes the same allowlist as the pages."""
        return super().get_api_representation(RichText(clean_html(value.source)), context)

    def get_searchable_content(self, value):
        return [rich_text_lines(value.source)]

    class Meta:
        icon = "pilcrow"
        template = "blocks/text.html"
        label = _("Text")
        description = _("Paragraphs, lists and links.")
        preview_value = "<p>Ein Verein braucht mindestens sieben Mitglieder.</p>"


class StepBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Step"))
    text = TextBlock(label=_("What to do"))


class StepsBlock(blocks.StructBlock):
    title = blocks.CharBlock(required=False, label=_("Title"))
    steps = blocks.ListBlock(StepBlock(), min_num=1, label=_("Steps"))

    class Meta:
        icon = "list-ol"
        template = "blocks/steps.html"
        label = _("Numbered steps")
        description = _("A sequence of steps to follow in order.")
        preview_value = {
            "title": "So gehen Sie vor",
            "steps": [
                {"title": "Satzung schreiben", "text": "<p>Nutzen Sie die Mustersatzung.</p>"},
                {"title": "Gründungsversammlung", "text": "<p>Laden Sie alle ein.</p>"},
            ],
        }


class ChecklistBlock(blocks.StructBlock):
    title = blocks.CharBlock(required=False, label=_("Title"))
    items = blocks.ListBlock(blocks.CharBlock(label=_("Item")), min_num=1, label=_("Items"))

    class Meta:
        icon = "tasks"
        template = "blocks/checklist.html"
        label = _("Checklist")
        description = _("Things to have or to do; printable.")
        preview_value = {"title": "Das brauchen Sie", "items": ["Satzung", "Protokoll"]}


class CalloutBlock(blocks.StructBlock):
    title = blocks.CharBlock(required=False, label=_("Title"))
    text = TextBlock(label=_("Text"))

    class Meta:
        icon = "help"
        template = "blocks/callout.html"
        label = _("Tip")
        description = _("A helpful hint set apart from the text.")
        preview_value = {"title": "Tipp", "text": "<p>Fragen Sie beim Amtsgericht nach.</p>"}
        form_classname = "struct-block callout-block"


class WarningBlock(CalloutBlock):
    class Meta:
        icon = "warning"
        template = "blocks/callout.html"
        label = _("Warning")
        description = _("A mistake to avoid or a deadline not to miss.")
        preview_value = {"title": "Achtung", "text": "<p>Die Frist beträgt einen Monat.</p>"}


class DownloadBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"))
    document = DocumentChooserBlock(label=_("Document"))
    description = blocks.CharBlock(required=False, label=_("Description"))

    class Meta:
        icon = "download"
        template = "blocks/download.html"
        label = _("Document download")
        description = _("A template or sample document, such as a sample constitution.")


class FAQItemBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("Question"))
    answer = TextBlock(label=_("Answer"))


class FAQBlock(blocks.StructBlock):
    title = blocks.CharBlock(required=False, label=_("Title"))
    items = blocks.ListBlock(FAQItemBlock(), min_num=1, label=_("Questions"))

    class Meta:
        icon = "help"
        template = "blocks/faq.html"
        label = _("Frequently asked questions")
        description = _("Questions and answers, readable without JavaScript.")
        preview_value = {
            "title": "Häufige Fragen",
            "items": [{"question": "Kostet das Geld?", "answer": "<p>Ja, etwas.</p>"}],
        }


class ContactBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"))
    name = blocks.CharBlock(required=False, label=_("Name or office"))
    organisation = blocks.CharBlock(required=False, label=_("Organisation"))
    email = blocks.EmailBlock(required=False, label=_("E-mail"))
    phone = blocks.CharBlock(required=False, label=_("Phone"))
    url = blocks.URLBlock(required=False, label=_("Website"))
    hours = blocks.CharBlock(required=False, label=_("Opening hours"))
    text = blocks.CharBlock(required=False, label=_("What they help with"))

    class Meta:
        icon = "user"
        template = "blocks/contact.html"
        label = _("Contact box")
        description = _("Where to get help: an office, a counselling service.")
        preview_value = {"title": "Hilfe", "name": "Registergericht", "text": "Beratung"}


class LegalReferenceBlock(blocks.StructBlock):
    citation = blocks.CharBlock(label=_("Citation"), help_text=_("For example: § 56 BGB"))
    note = blocks.CharBlock(required=False, label=_("What it says"))

    class Meta:
        icon = "doc-full"
        template = "blocks/legal_reference.html"
        label = _("Legal reference")
        description = _("A paragraph of a law the guide relies on.")
        preview_value = {"citation": "§ 56 BGB", "note": "Mindestens sieben Mitglieder"}


def guide_body_blocks():
    return [
        ("heading", HeadingBlock()),
        ("text", TextBlock()),
        ("steps", StepsBlock()),
        ("checklist", ChecklistBlock()),
        ("tip", CalloutBlock()),
        ("warning", WarningBlock()),
        ("download", DownloadBlock()),
        ("faq", FAQBlock()),
        ("contact", ContactBlock()),
    ]


def legal_reference_blocks():
    return [("reference", LegalReferenceBlock())]
