"""A person attended an event: the hook between events and learning, which may not import
each other (tests/test_architecture.py). Events sends `attended` when an organiser ticks a
signed-in person on the attendance list of an event that teaches a lesson; learning listens
(LearningConfig.ready) and records the lesson as done.

Sent inside the transaction that saves the attendance, with `user`, `lesson` (the lesson
page the event names) and `language` (the one the person registered in: a certificate the
completion earns is in it).
"""

from django.dispatch import Signal

attended = Signal()
