"""Logging filters used by settings.LOGGING."""

import logging


class WithoutTraceback(logging.Filter):
    """Keep the record's message, drop its traceback: for expected refusals (a request for a
    host we do not serve) the one line says all, and a traceback in the log looks like a bug."""

    def filter(self, record):
        record.exc_info = None
        record.exc_text = None
        record.stack_info = None
        return True
