"""Wagtail content of the site, one module per kind of page; re-exported for Django."""

from .base import BasePage
from .glossary import GlossaryPage, GlossaryTerm
from .guides import GuideGlossaryLink, GuidePage, GuideRelatedLink
from .home import HomePage
from .locks import NamedLock
from .media import CustomDocument, CustomImage, CustomRendition
from .memberships import Invitation, Membership
from .organisations import Organisation
from .topics import STANDARD_TOPICS, TopicPage
from .vocabulary import OrganisationType, Region, SpokenLanguage, Vocabulary

__all__ = [
    "BasePage",
    "CustomDocument",
    "CustomImage",
    "CustomRendition",
    "GlossaryPage",
    "GlossaryTerm",
    "GuideGlossaryLink",
    "GuidePage",
    "GuideRelatedLink",
    "HomePage",
    "Invitation",
    "Membership",
    "NamedLock",
    "Organisation",
    "OrganisationType",
    "Region",
    "STANDARD_TOPICS",
    "SpokenLanguage",
    "TopicPage",
    "Vocabulary",
]
