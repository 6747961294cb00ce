"""Workarounds for gaps in third-party packages, each in its own module with a reason."""
