"""The module navigation. Each app registers its entries in ``AppConfig.ready``, so the base layout
does not need to know which modules are installed."""

from collections.abc import Callable
from dataclasses import dataclass

from django.urls import reverse


@dataclass(frozen=True)
class NavItem:
    key: str
    label: str  # a lazy translation
    url_name: str
    icon: str = "circle"
    order: int = 50
    visible: Callable | None = None  # visible(user) -> bool; None: every signed-in user

    def url(self) -> str:
        return reverse(self.url_name)


_ITEMS: dict[str, NavItem] = {}


def register(item: NavItem) -> None:
    _ITEMS[item.key] = item


def items_for(user) -> list[NavItem]:
    return [
        item for item in sorted(_ITEMS.values(), key=lambda i: (i.order, i.key))
        if item.visible is None or item.visible(user)
    ]
