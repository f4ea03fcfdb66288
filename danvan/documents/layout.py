"""Every layout value of a document in the Party's format, in one place, as data.

The values live in ``layout.json`` beside this module and follow Hướng dẫn 36-HD/VPTW (2018) on the
form and presentation of Party documents. That guide may have been replaced in 2026 (unconfirmed), so
nothing about sizes, margins, fonts, date format, number padding or the "Nơi nhận" label is written in
code: change ``layout.json``, or set ``DANVAN_DOCUMENT_LAYOUT`` to the path of a JSON file whose values
override the defaults (nested dictionaries are merged key by key).
"""

import copy
import json
from pathlib import Path

from django.conf import settings

DEFAULT_PATH = Path(__file__).with_name("layout.json")
_cache: dict[tuple, dict] = {}


def _merge(base: dict, override: dict) -> dict:
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(base.get(key), dict):
            _merge(base[key], value)
        else:
            base[key] = value
    return base


def _load(path: Path) -> dict:
    with path.open(encoding="utf-8") as handle:
        return json.load(handle)


def get_layout() -> dict:
    """The layout values: ``layout.json`` overridden by the file named in ``DANVAN_DOCUMENT_LAYOUT``.

    Cached per override path and modification time; callers must not change the result.
    """
    override = getattr(settings, "DANVAN_DOCUMENT_LAYOUT", None)
    key = (str(override), Path(override).stat().st_mtime if override else None)
    if key not in _cache:
        layout = copy.deepcopy(_load(DEFAULT_PATH))
        if override:
            _merge(layout, _load(Path(override)))
        _cache.clear()
        _cache[key] = layout
    return _cache[key]


def format_symbol(*, number: int, doc_type: str, organization_symbol: str) -> str:
    """ "24-BC/BTGDVTU": the number padded to the layout's width ("05-BC/..."), type, issuing body."""
    number_cfg = get_layout()["number"]
    return number_cfg["symbol_format"].format(
        number=str(number).zfill(int(number_cfg["padding"])), doc_type=doc_type, organization=organization_symbol,
    )


def format_number_line(symbol: str) -> str:
    """ "Số 24-BC/BTGDVTU"."""
    return get_layout()["number"]["line_format"].format(symbol=symbol)


def format_place_date(place: str, date) -> str:
    """ "Lào Cai, ngày 05 tháng 01 năm 2024" (the format is a layout value)."""
    return get_layout()["header"]["place_date"]["format"].format(place=place, date=date)


def format_draft_number_line(*, doc_type: str, organization_symbol: str) -> str:
    """ "Số    -GM/BTGDVTU": the number line of a document not numbered yet (a draft), the same for every
    document and module: the number left blank to be filled in by hand (``number.draft_number``)."""
    number_cfg = get_layout()["number"]
    symbol = number_cfg["symbol_format"].format(number=number_cfg["draft_number"], doc_type=doc_type,
                                                organization=organization_symbol)
    return format_number_line(symbol)


def format_authority(authority: str, on_behalf_of: str) -> str:
    """ "T/M BAN THƯỜNG VỤ", "K/T TRƯỞNG BAN", "TL. TRƯỞNG BAN", "TUQ. TRƯỞNG BAN" (capitals); empty when
    the signer signs in their own right."""
    if not authority:
        return ""
    return get_layout()["authority"][authority].format(of=(on_behalf_of or "").strip().upper()).strip()
