"""Sections other apps add to the learner's profile ("Mein Konto"), as funding does with the
reader's alerts. The app registers them in its AppConfig.ready(), so cms names no app above it.

    register_profile_section(ProfileSection("funding/alerts/profile_section.html",
                                            context=lambda request: {"alerts": [...]}))

The template is included with the context's names; a context of None leaves it out."""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class ProfileSection:
    template: str
    context: Callable[[object], dict | None]  # the request -> names for the template


_sections: list[ProfileSection] = []


def register_profile_section(section: ProfileSection) -> None:
    if section not in _sections:
        _sections.append(section)


def sections_for(request) -> list[dict]:
    found = []
    for section in _sections:
        context = section.context(request)
        if context is not None:
            found.append({"template": section.template, "context": context})
    return found
