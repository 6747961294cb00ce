"""Named row locks: `hold("partner-onboarding")` inside a transaction makes every other
transaction that asks for the same name wait until this one ends (SELECT … FOR UPDATE on
PostgreSQL; SQLite lets only one transaction write at a time anyway)."""

from django.db import models, transaction


class NamedLock(models.Model):
    name = models.CharField(max_length=100, primary_key=True)

    class Meta:
        verbose_name = "named lock"
        verbose_name_plural = "named locks"
        default_permissions = []

    def __str__(self):
        return self.name

    @classmethod
    def hold(cls, name: str) -> None:
        """Wait for and take the lock until the surrounding transaction ends."""
        if not transaction.get_connection().in_atomic_block:
            raise RuntimeError("NamedLock.hold() needs a transaction to hold the lock in.")
        # The row is made on first use; two first uses at once: the second insert waits for
        # the first transaction and then finds its row (get_or_create retries the get).
        cls.objects.select_for_update().get_or_create(name=name)
