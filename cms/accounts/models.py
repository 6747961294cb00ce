from django.contrib.auth.models import AbstractUser


class User(AbstractUser):
    """The project's own user model, in place from the first migration so that fields
    (e.g. for learners) can be added later without a painful swap."""

    class Meta:
        verbose_name = "user"
        verbose_name_plural = "users"
