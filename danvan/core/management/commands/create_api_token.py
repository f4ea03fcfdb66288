from django.core.management.base import BaseCommand, CommandError

from danvan.core.models import ApiToken, User
from danvan.core.models.tokens import hash_token


class Command(BaseCommand):
    help = "Create an API token for USERNAME and print it (and nothing else) on stdout."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--name", default="", help="A label for the token.")

    def handle(self, *args, username, name, **options):
        user = User.objects.filter(username=username, is_active=True).first()
        if user is None:
            raise CommandError(f"No active user named {username!r}.")
        raw = ApiToken.generate()
        ApiToken.objects.create(user=user, name=name, key_hash=hash_token(raw), prefix=raw[:8])
        self.stdout.write(raw)
