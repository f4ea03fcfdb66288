from django.core.management.base import BaseCommand
from django.utils import translation

from danvan.orgs.demo import DEMO_PASSWORD, DEMO_USERS


class Command(BaseCommand):
    help = "Print the demo accounts."

    def handle(self, *args, **options):
        translation.activate("vi")
        port = __import__("os").environ.get("PORT", "8000")
        lines = [
            "",
            f"danvan đang chạy tại http://127.0.0.1:{port}/  —  tài khoản mẫu (mật khẩu chung: {DEMO_PASSWORD})",
            f"  {'admin':<20} quản trị hệ thống (superuser), toàn quốc",
        ]
        for username, full_name, _org, role, position in DEMO_USERS:
            lines.append(f"  {username:<20} {role.label}, {position} — {full_name}")
        self.stdout.write("\n".join(lines) + "\n")
