"""Set up a demo site on first start: import content/ and create an admin account.

An installed app may bring demo data of its own: a `demo` module with a `load_demo(stdout)`
function (events/demo.py). It is found by that name and called after the content and the
organisations, so cms names no app above it (tests/test_architecture.py)."""

import secrets
from importlib import import_module
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.utils.module_loading import module_has_submodule

from cms.models import GuidePage

DEMO_ADMIN = "admin"


class Command(BaseCommand):
    help = "Import the demo content (first start only) and create the demo admin account."

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true",
                            help="import the demo content again even if guides exist")

    def handle(self, *args, force=False, **options):
        if force or not GuidePage.objects.exists():
            call_command("import_content", Path(settings.BASE_DIR) / "content",
                         stdout=self.stdout, stderr=self.stderr)
            call_command("update_index", verbosity=0)
            call_command("rebuild_references_index", verbosity=0)
        else:
            self.stdout.write("Demo content already imported (use --force to import again).")
        self.load_organisations()
        self.load_app_demos()
        self.ensure_admin()

    def load_organisations(self):
        from cms.directory.demo import load_demo_organisations

        count = load_demo_organisations(Path(settings.BASE_DIR) / "content" / "organisations")
        self.stdout.write(f"{count} demo organisations (fictional examples) in the directory.")

    def load_app_demos(self):
        for config in apps.get_app_configs():
            if not module_has_submodule(config.module, "demo"):
                continue
            load = getattr(import_module(f"{config.name}.demo"), "load_demo", None)
            if callable(load):
                load(self.stdout)

    def ensure_admin(self):
        User = get_user_model()
        if User.objects.filter(username=DEMO_ADMIN).exists():
            self.stdout.write(f"Admin account '{DEMO_ADMIN}' exists; to reset its password run: "
                              f"python manage.py changepassword {DEMO_ADMIN}")
            return
        password = secrets.token_urlsafe(12)
        User.objects.create_superuser(DEMO_ADMIN, "admin@example.org", password)
        self.stdout.write(self.style.SUCCESS(
            "\n  Demo admin created (shown only this once):\n"
            f"    http://127.0.0.1:8000/admin/   user: {DEMO_ADMIN}   password: {password}\n"))
