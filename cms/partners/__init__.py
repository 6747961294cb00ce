"""Partner organisations: onboarding, the central review team, who may see which section."""
