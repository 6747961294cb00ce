"""Page types that apps above cms let `import_content` write.

cms imports no app above it, so an app with a page type of its own (legal: imprint, privacy
policy, accessibility statement) registers it here from its AppConfig.ready(). A registered
type is a page below the German home page with the common front matter (slug, locale, title,
summary, translation_of), a Markdown body written to its StreamField `body` (`## ` sections
and the `:::` blocks of guides), and whatever keys of its own it declares: `check` validates
them (raising ContentError; nothing touches the database), `fill` sets the page's fields from
them. Translations carry only the common keys; the rest comes from the German source.
"""

from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class ImportType:
    name: str  # the front matter's `type:`
    model: str  # "app_label.ModelName"
    keys: frozenset[str] = field(default_factory=frozenset)  # its own front-matter keys
    required: frozenset[str] = frozenset({"title"})
    check: Callable[[dict], None] | None = None
    fill: Callable[[object, dict], None] | None = None


REGISTERED: dict[str, ImportType] = {}


def register_import_type(import_type: ImportType) -> None:
    REGISTERED[import_type.name] = import_type
