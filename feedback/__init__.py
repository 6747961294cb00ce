""""Was this page helpful?" at the end of guides and funding programmes: counts per page,
reader's language and day, an optional short note after "No", and an admin report. No
cookies, no per-vote rows, no addresses stored (README: Reader feedback)."""
