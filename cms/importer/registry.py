"""Page types that apps above cms let `import_content` write.

cms imports no app above it, so an app with a page type of its own (legal: imprint, privacy
policy, accessibility statement) registers it here from its AppConfig.ready(). A registered
type is a page below the German home page with the common front matter (slug, locale, title,
summary, translation_of), a Markdown body written to its StreamField `body` (`## ` sections
and the `:::` blocks of guides), and whatever keys of its own it declares: `check` validates
them (raising ContentError; nothing touches the database), `fill` sets the page's fields from
them. Translations carry only the common keys; the rest comes from the German source.

Types with more of their own (learning: modules below topics, lessons below modules, quizzes
in the body) also declare, all optional:
- `parent(meta, locale)`: the page a new German page goes below (default: the home page),
  named by the front-matter key `parent_key`;
- `body_field`: the StreamField the Markdown body fills (default `body`);
- `fences`: ```` ```name title ```` blocks of the body, each turned into one StreamField block
  by `fences[name](title, text, first_line)` (the Markdown guard leaves their lines alone);
- `check_file(content)`: more checks of the whole file before anything is written;
- `order_key`: a front-matter key that places the page among its siblings, as `order` does
  for guides (cms.importer.ordering);
- `link(page, meta)`: run once every German file is written (links to pages imported after
  this one); returns warnings;
- `translated_keys`, `check_translated(meta)`, `fill_translation(candidate, meta)`: own keys a
  translation carries (its texts), their checks and where they go;
- `check_translation(source, content)`: a translation that does not fit its source (raising
  ContentError; nothing of the file is written);
- `source_values`: {key: page -> value} to compare a translation's repeated key with, where
  the page has no attribute of the key's name.
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True)
class ImportType:
    name: str  # the front matter's `type:`
    model: str  # "app_label.ModelName"
    keys: frozenset[str] = field(default_factory=frozenset)  # its own front-matter keys
    required: frozenset[str] = frozenset({"title"})
    check: Callable[[dict], None] | None = None
    fill: Callable[[object, dict], None] | None = None
    parent: Callable[[dict, object], object] | None = None
    parent_key: str | None = None  # the front-matter key naming the parent, for messages
    body_field: str = "body"
    fences: Mapping[str, Callable[[str, str, int], dict]] = field(default_factory=dict)
    check_file: Callable[[object], None] | None = None
    order_key: str | None = None
    link: Callable[[object, dict], list[str]] | None = None
    translated_keys: frozenset[str] = frozenset()
    check_translated: Callable[[dict], None] | None = None
    fill_translation: Callable[[object, dict], None] | None = None
    check_translation: Callable[[object, object], None] | None = None
    source_values: Mapping[str, Callable[[object], object]] = field(default_factory=dict)


REGISTERED: dict[str, ImportType] = {}


def register_import_type(import_type: ImportType) -> None:
    REGISTERED[import_type.name] = import_type
