"""Import Markdown files with YAML front matter (docs/content-format.md) into Wagtail."""

from .errors import ContentError
from .service import ImportReport, import_path

__all__ = ["ContentError", "ImportReport", "import_path"]
