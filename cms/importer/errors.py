class ContentError(Exception):
    """A content file that cannot be imported; the message says why, for its author."""
