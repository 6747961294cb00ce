from .pages import EventPage
from .registrations import CalendarToken, EventLock, Registration

__all__ = ["CalendarToken", "EventLock", "EventPage", "Registration"]
