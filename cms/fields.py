"""A StreamField whose block definitions stay out of migrations.

Wagtail writes every block definition into each migration that touches a StreamField, so
adding a help text to a block means a new migration. The stored JSON does not depend on those
definitions, so we leave them out; the price is that a data migration cannot use the blocks
(write such migrations against the raw JSON instead).
"""

from wagtail.fields import StreamField as WagtailStreamField


class StreamField(WagtailStreamField):
    def deconstruct(self):
        name, _path, _args, kwargs = super().deconstruct()
        kwargs.pop("block_lookup", None)
        return name, "wagtail.fields.StreamField", [[]], kwargs
