from importlib import import_module

from django.apps import apps
from django.core.management.base import BaseCommand

from danvan.places.models import Area


class Command(BaseCommand):
    help = ("Nạp dữ liệu mẫu: tổ chức và người dùng của Lào Cai và Huế, rồi dữ liệu mẫu của từng phân hệ "
            "(mỗi ứng dụng có module demo.py với hàm load(stdout)). Chạy lại không tạo trùng.")

    def handle(self, *args, **options):
        if not Area.objects.filter(source_key="2025:p15").exists():
            self.stderr.write("Chưa có địa bàn: hãy chạy 'manage.py load_units' trước.")
            raise SystemExit(1)
        for config in apps.get_app_configs():
            if not config.name.startswith("danvan."):
                continue
            try:
                module = import_module(f"{config.name}.demo")
            except ModuleNotFoundError as exc:
                if exc.name != f"{config.name}.demo":
                    raise
                continue
            module.load(self.stdout)
