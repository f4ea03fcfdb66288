"""The module navigation. Each app registers its entries in ``AppConfig.ready``, so the base layout
does not need to know which modules are installed."""

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language


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


_MENUS: dict[tuple, SafeString] = {}


def render_menu(entries: list[NavEntry], active: str | None) -> SafeString:
    """The menu's ``<li>`` entries as the base layout shows them (a dropdown for an entry with children),
    written in Python and kept per language, entries, active entry and URL prefix: it is on every page
    and was ~200 template lookups each time. The same HTML as the template loop it replaced."""
    active = active or ""
    key = (get_language(), tuple((e.item, tuple(e.children)) for e in entries), active, get_script_prefix(),
           get_urlconf() or settings.ROOT_URLCONF)
    html = _MENUS.get(key)
    if html is None:
        html = _MENUS[key] = mark_safe("".join(_entry(e, active) for e in entries))
        if len(_MENUS) > 4096:  # bounded: a long-running worker never grows without end
            _MENUS.clear()
    return html


def _entry(entry: NavEntry, active: str) -> str:
    item, esc = entry.item, conditional_escape
    icon, label, url = esc(item.icon), esc(item.label), esc(item.url())
    if not entry.children:
        current = item.key == active
        return (f'\n        <li class="nav-item"><a class="nav-link{" active" if current else ""}" href="{url}"'
                f'{" aria-current=\"page\"" if current else ""}><i class="bi bi-{icon}"></i> {label}</a></li>\n        ')
    children = "".join(
        f'<li><a class="dropdown-item{" active" if child.key == active else ""}" href="{esc(child.url())}">'
        f'<i class="bi bi-{esc(child.icon)}"></i> {esc(child.label)}</a></li>' for child in entry.children)
    return (f'\n        <li class="nav-item dropdown">\n          <a class="nav-link dropdown-toggle'
            f'{" active" if active in entry.keys else ""}" href="#" role="button" data-bs-toggle="dropdown" '
            f'aria-expanded="false"><i class="bi bi-{icon}"></i> {label}</a>\n          <ul class="dropdown-menu">\n'
            f'            <li><a class="dropdown-item{" active" if item.key == active else ""}" href="{url}">{label}</a></li>'
            f'\n            {children}\n          </ul>\n        </li>')
