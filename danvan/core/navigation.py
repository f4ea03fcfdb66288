"""The module navigation. Each app registers its entries in ``AppConfig.ready``, so the base layout
does not need to know which modules are installed."""

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, reverse


@dataclass(frozen=True)
class NavItem:
    key: str
    label: str  # a lazy translation
    url_name: str
    icon: str = "circle"
    order: int = 50
    visible: Callable | None = None  # visible(user) -> bool; None: every signed-in user
    parent: str | None = None  # the key of the menu entry this one is listed under (a dropdown)

    def url(self) -> str:
        return _reverse(self.url_name, get_script_prefix(), get_urlconf() or settings.ROOT_URLCONF)


@lru_cache(maxsize=512)
def _reverse(url_name: str, prefix: str, urlconf) -> str:
    """A menu entry's URL, reversed once per URL configuration and script prefix (the menu is on every
    page: ~30 reversals a page otherwise)."""
    return reverse(url_name, urlconf=urlconf)


_ITEMS: dict[str, NavItem] = {}


def register(item: NavItem) -> None:
    _ITEMS[item.key] = item


@dataclass(frozen=True)
class NavEntry:
    item: NavItem
    children: list[NavItem]

    def __getattr__(self, name):
        return getattr(self.item, name)

    @property
    def keys(self) -> set[str]:
        return {self.item.key, *(child.key for child in self.children)}


def items_for(user) -> list[NavEntry]:
    """The top-level menu entries the user may see, each with its visible sub-entries."""
    visible = [
        item for item in sorted(_ITEMS.values(), key=lambda i: (i.order, i.key))
        if item.visible is None or item.visible(user)
    ]
    return [
        NavEntry(item, [child for child in visible if child.parent == item.key])
        for item in visible if item.parent is None
    ]
