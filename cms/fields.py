"""A StreamField whose block definitions stay out of migrations.

Wagtail writes every block definition into each migration that touches a StreamField, so
adding a help text to a block means a new migration. The stored JSON does not depend on those
definitions, so we leave them out; the price is that a data migration cannot use the blocks
(write such migrations against the raw JSON instead).
"""

from wagtail.fields import RichTextField as WagtailRichTextField
from wagtail.fields import StreamField as WagtailStreamField

from cms.searchable_text import rich_text_lines


class StreamField(WagtailStreamField):
    def deconstruct(self):
        name, _path, _args, kwargs = super().deconstruct()
        # exactly what Wagtail's StreamField([]) deconstructs to, so the autodetector sees
        # the migration state and the model as equal
        kwargs["block_lookup"] = {}
        return name, "wagtail.fields.StreamField", [[]], kwargs

    def get_searchable_content(self, value):
        # One block a line. Wagtail's list went into the index joined with ", ", which search
        # snippets showed between a heading and its text ("Was ist ein e. V.?, Ein Verein").
        return ["\n".join(part for part in super().get_searchable_content(value) if part)]


class RichTextField(WagtailRichTextField):
    """Indexed a line per paragraph and list item, as rich text in a StreamField is."""

    def get_searchable_content(self, value):
        return [rich_text_lines(value or "")]

    def deconstruct(self):
        name, _path, args, kwargs = super().deconstruct()
        return name, "wagtail.fields.RichTextField", args, kwargs
