"""Partner organisations: onboarding, their permissions, the central review team and its
workflow, a section's history, and the guards around wagtail-localize's views."""
