"""Loading the administrative units from the MIT-licensed ``vietnamadminunits`` package.

The package holds the 34 provinces and 3,321 communes in force since 1 Jul 2025, the 63 provinces,
696 district-level units and ~10,000 communes before, and the conversion tables between them.
"""

import datetime
import importlib.util
import json
import sqlite3
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from django.db import connection, transaction

from danvan.core.text import fold
from danvan.places.models import Area, AreaReach, AreaSuccession
from danvan.places.models.area import LEGACY_END, REFORM_DATE, Level

# Changes before the 2025 reform that the package does not carry (it lists Huế only as the
# centrally-run city it became on 1 Jan 2025). Each: (source key, code, kind, name, valid_to,
# successor source key, effective date, succession kind).
EARLIER_PROVINCES = [
    ("legacy:p46-tinhthuathienhue", "46", "Tỉnh", "Thừa Thiên Huế", datetime.date(2024, 12, 31),
     "legacy:p46", datetime.date(2025, 1, 1), AreaSuccession.Kind.UPGRADE),
]
EARLIER_VALID_FROM = {"legacy:p46": datetime.date(2025, 1, 1)}


def _key(text: str) -> str:
    """The package's keys are folded names; a few carry stray diacritics, so fold them again."""
    return fold(text).replace(" ", "")


def _package_dir() -> Path:
    """The package's data folder, found without importing it (its import pulls in numpy and shapely)."""
    spec = importlib.util.find_spec("vietnamadminunits")
    return Path(next(iter(spec.submodule_search_locations))) / "data"


@dataclass
class LoadResult:
    created: int = 0
    updated: int = 0
    successions: int = 0
    reach_rows: int = 0
    seconds: float = 0.0
    counts: dict = field(default_factory=dict)


def _rows(table: str) -> list[dict]:
    with sqlite3.connect(_package_dir() / "dataset.db") as conn:
        conn.row_factory = sqlite3.Row
        return [dict(r) for r in conn.execute(f"SELECT * FROM [{table}]")]  # noqa: S608 - fixed names


def _kind(full: str, short: str) -> str:
    """"Thành phố Hà Nội", "Hà Nội" -> "Thành phố"."""
    return full[: -len(short)].strip() if short and full.endswith(short) else full.split(" ")[0]


class _Source:
    """The package's rows, keyed the way its conversion tables name units."""

    def __init__(self):
        self.units: dict[str, dict] = {}
        self.by_name_key: dict[str, str] = {}  # converter key -> our source key

    def add(self, key, *, name_keys=(), **values):
        if key not in self.units:
            self.units[key] = {"source_key": key, **values}
        for name_key in name_keys:
            self.by_name_key.setdefault(name_key, key)
            self.by_name_key.setdefault(_key(name_key), key)


def _load_source() -> _Source:
    src = _Source()
    for r in _rows("admin_units"):
        pkey = f"2025:p{r['provinceCode']}"
        src.add(pkey, name_keys=[f"new:{r['provinceKey']}"], code=r["provinceCode"],
                kind_name=_kind(r["province"], r["provinceShort"]), name=r["provinceShort"], level=Level.PROVINCE,
                parent_key=None, valid_from=REFORM_DATE, valid_to=None, latitude=r["provinceLat"],
                longitude=r["provinceLon"])
        src.add(f"2025:w{r['wardCode']}", name_keys=[f"new:{r['provinceKey']}:{r['wardKey']}"], code=r["wardCode"],
                kind_name=r["wardType"], name=r["wardShort"], level=Level.COMMUNE, parent_key=pkey,
                valid_from=REFORM_DATE, valid_to=None, latitude=r["wardLat"], longitude=r["wardLon"])

    for key, code, kind, name, valid_to, *_rest in EARLIER_PROVINCES:
        src.add(key, code=code, kind_name=kind, name=name, level=Level.PROVINCE, parent_key=None, valid_from=None,
                valid_to=valid_to, latitude=None, longitude=None)

    for r in _rows("admin_units_legacy"):
        pkey = f"legacy:p{r['provinceCode']}"
        src.add(pkey, name_keys=[f"old:{r['provinceKey']}"], code=r["provinceCode"],
                kind_name=_kind(r["province"], r["provinceShort"]), name=r["provinceShort"], level=Level.PROVINCE,
                parent_key=None, valid_from=EARLIER_VALID_FROM.get(pkey), valid_to=LEGACY_END,
                latitude=r["provinceLat"], longitude=r["provinceLon"])
        dkey = f"legacy:d{r['districtCode']}"
        src.add(dkey, name_keys=[f"old:{r['provinceKey']}:{r['districtKey']}:"], code=r["districtCode"],
                kind_name=r["districtType"], name=r["districtShort"], level=Level.DISTRICT, parent_key=pkey,
                valid_from=None, valid_to=LEGACY_END, latitude=r["districtLat"], longitude=r["districtLon"])
        if r["wardCode"]:
            src.add(f"legacy:w{r['wardCode']}", name_keys=[f"old:{r['provinceKey']}:{r['districtKey']}:{r['wardKey']}"],
                    code=r["wardCode"], kind_name=r["wardType"], name=r["wardShort"], level=Level.COMMUNE,
                    parent_key=dkey, valid_from=None, valid_to=LEGACY_END, latitude=r["wardLat"],
                    longitude=r["wardLon"])
    return src


def _desired_successions(src: _Source, ids: dict[str, int]) -> dict[tuple[int, int], dict]:
    with open(_package_dir() / "converter_2025.json", encoding="utf-8") as fh:
        data = json.load(fh)
    links: dict[tuple[int, int], dict] = {}

    def find(name_key: str) -> int | None:
        key = src.by_name_key.get(name_key) or src.by_name_key.get(_key(name_key))
        return ids.get(key) if key else None

    def link(old_id, new_id, kind, effective=REFORM_DATE, is_main=True):
        if old_id and new_id:
            links[(old_id, new_id)] = {"kind": kind, "effective": effective, "is_main": is_main}

    names = {ids[k]: u["name"] for k, u in src.units.items() if k in ids}
    for new_p, olds in data["DICT_PROVINCE"].items():
        new_id = find(f"new:{new_p}")
        for old_p in olds:
            old_id = find(f"old:{old_p}")
            if len(olds) > 1:
                kind = AreaSuccession.Kind.MERGE
            elif names.get(old_id) == names.get(new_id):
                kind = AreaSuccession.Kind.REORGANIZE
            else:
                kind = AreaSuccession.Kind.RENAME
            link(old_id, new_id, kind)

    def old_id(composite: str) -> int | None:
        province, district, ward = (composite.split("_") + ["", ""])[:3]
        return find(f"old:{province}:{district}:{ward}")

    for new_p, wards in data["DICT_PROVINCE_WARD_NO_DIVIDED"].items():
        for new_w, olds in wards.items():
            kind = AreaSuccession.Kind.MERGE if len(olds) > 1 else AreaSuccession.Kind.REORGANIZE
            for old in olds:
                link(old_id(old), find(f"new:{new_p}:{new_w}"), kind)
    for new_p, olds in data["DICT_PROVINCE_WARD_DIVIDED"].items():
        for old, targets in olds.items():
            for target in targets:
                link(old_id(old), find(f"new:{new_p}:{target['newWardKey']}"), AreaSuccession.Kind.SPLIT,
                     is_main=bool(target.get("isDefaultNewWard")))
    for key, _code, _kind, _name, _to, succ_key, effective, kind in EARLIER_PROVINCES:
        link(ids.get(key), ids.get(succ_key), kind, effective=effective)
    return links


def compute_reach(parents: dict[int, int | None], successors: dict[int, list[int]]) -> dict[int, dict[int, bool]]:
    """For each area, the areas it is part of: {area: {ancestor: via_history}}.

    An area is part of itself, of everything its parent is part of, and (via history) of everything
    each of its successors is part of.
    """
    memo: dict[int, dict[int, bool]] = {}

    def up(area: int, visiting: frozenset = frozenset()) -> dict[int, bool]:
        if area in memo:
            return memo[area]
        result = {area: False}
        parent = parents.get(area)
        if parent is not None and parent not in visiting:
            for anc, hist in up(parent, visiting | {area}).items():
                result[anc] = result.get(anc, True) and hist
        for succ in successors.get(area, ()):
            if succ in visiting:
                continue
            for anc in up(succ, visiting | {area}):
                result.setdefault(anc, True)
        memo[area] = result
        return result

    for area in parents:
        up(area)
    return memo


@transaction.atomic
def rebuild_reach() -> int:
    """Bring the ``AreaReach`` closure in line with the parents and successions.

    Effects: deletes the ``AreaReach`` rows that no longer hold, inserts the missing ones and fixes
    ``via_history`` where it changed (a second run after no change writes nothing). Returns the
    number of rows the closure has.
    """
    parents = dict(Area.objects.values_list("id", "parent_id"))
    successors: dict[int, list[int]] = defaultdict(list)
    for pred, succ in AreaSuccession.objects.values_list("predecessor_id", "successor_id"):
        successors[pred].append(succ)
    desired = {
        (anc, area): hist
        for area, ancestors in compute_reach(parents, successors).items()
        for anc, hist in ancestors.items()
    }
    existing = {(anc, desc): (pk, hist) for pk, anc, desc, hist in
                AreaReach.objects.values_list("id", "ancestor_id", "descendant_id", "via_history")}
    stale = [pk for pair, (pk, hist) in existing.items() if pair not in desired or desired[pair] != hist]
    for start in range(0, len(stale), 5000):
        AreaReach.objects.filter(id__in=stale[start:start + 5000]).delete()
    stale_pairs = {pair for pair, (pk, hist) in existing.items() if pair not in desired or desired[pair] != hist}
    missing = [
        (anc, desc, hist) for (anc, desc), hist in desired.items()
        if (anc, desc) not in existing or (anc, desc) in stale_pairs
    ]
    # Plain executemany: tens of thousands of three-column rows, where model instances cost most of the time.
    table = connection.ops.quote_name(AreaReach._meta.db_table)
    with connection.cursor() as cursor:
        for start in range(0, len(missing), 5000):
            cursor.executemany(
                f"INSERT INTO {table} (ancestor_id, descendant_id, via_history) VALUES (%s, %s, %s)",
                missing[start:start + 5000],
            )
    return len(desired)


@transaction.atomic
def load_units() -> LoadResult:
    """Create or update every administrative unit, their successions and the reach closure.

    Idempotent: a second run changes nothing but what the package changed. Effects: inserts or
    updates ``Area`` rows (matched by ``source_key``), inserts or updates ``AreaSuccession`` rows,
    rebuilds ``AreaReach``. Areas no longer in the package are kept (records may point at them).
    """
    started = time.perf_counter()
    result = LoadResult()
    existing = {a.source_key: a for a in Area.objects.all()}
    ids = {key: a.id for key, a in existing.items()}
    fields = ["code", "kind_name", "name", "level", "valid_from", "valid_to", "latitude", "longitude"]
    by_level: dict[str, list[dict]] = defaultdict(list)
    src = _load_source()
    for unit in src.units.values():
        by_level[unit["level"]].append(unit)
    for level in (Level.PROVINCE, Level.DISTRICT, Level.COMMUNE):
        to_create, to_update = [], []
        for unit in by_level[level]:
            parent_id = ids.get(unit["parent_key"]) if unit["parent_key"] else None
            area = existing.get(unit["source_key"])
            if area is None:
                area = Area(source_key=unit["source_key"], parent_id=parent_id, **{f: unit[f] for f in fields})
                area.fill_derived()
                to_create.append(area)
            elif any(getattr(area, f) != unit[f] for f in fields) or area.parent_id != parent_id:
                for f in fields:
                    setattr(area, f, unit[f])
                area.parent_id = parent_id
                area.fill_derived()
                to_update.append(area)
        Area.objects.bulk_create(to_create, batch_size=2000)
        if to_update:
            Area.objects.bulk_update(to_update, [*fields, "parent", "name_folded", "name_sort"], batch_size=2000)
        for area in to_create:
            ids[area.source_key] = area.id
        result.created += len(to_create)
        result.updated += len(to_update)

    desired = _desired_successions(src, ids)
    current = {(s.predecessor_id, s.successor_id): s for s in AreaSuccession.objects.all()}
    new_links = [
        AreaSuccession(predecessor_id=p, successor_id=s, **values)
        for (p, s), values in desired.items()
        if (p, s) not in current
    ]
    changed = []
    for pair, values in desired.items():
        link = current.get(pair)
        if link and any(getattr(link, k) != v for k, v in values.items()):
            for k, v in values.items():
                setattr(link, k, v)
            changed.append(link)
    AreaSuccession.objects.bulk_create(new_links, batch_size=5000)
    if changed:
        AreaSuccession.objects.bulk_update(changed, ["kind", "effective", "is_main"], batch_size=2000)
    result.successions = len(new_links) + len(changed)
    result.reach_rows = rebuild_reach()
    result.seconds = time.perf_counter() - started
    return result
