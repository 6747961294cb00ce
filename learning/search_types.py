"""What learning makes searchable (cms.searchable): modules and their lessons."""

from django.utils.translation import gettext_lazy as _

from cms.searchable import SearchType, register

register(SearchType("module", "learning.ModulePage", _("Learning module"), position=15))
register(SearchType("lesson", "learning.LessonPage", _("Lesson"), position=16))
