"""Score readings against hand labels, per field, as the labelling rules define it (docs/reader.md).

found = the share of articles where the label states a fact and the reading gives the same value;
quiet = the share of articles where the label states none (null, []) and the reading claims none.
``chairs`` is scored by F1 over the name sets (case and spacing folded), micro-averaged over articles;
its found/quiet use set equality.
"""

import re

from danvan.reader.interfaces.extract import FIELDS


def _empty(value) -> bool:
    return value is None or value == [] or value == ""


def _names(values) -> set[str]:
    return {re.sub(r"\s+", " ", v).strip().casefold() for v in values or []}


def _same(name: str, got, want) -> bool:
    if name == "chairs":
        return _names(got) == _names(want)
    if isinstance(want, str) and isinstance(got, str):
        return re.sub(r"\s+", " ", got).strip() == re.sub(r"\s+", " ", want).strip()
    return got == want


def score(readings: dict[str, dict], labels: dict[str, dict]) -> dict:
    """{"fields": {name: {"found": (hits, n), "quiet": (hits, n)}}, "chairs_f1": f, "overall": {...},
    "misses": [(file, field, got, want)]} over the files present in both."""
    fields = {name: {"found": [0, 0], "quiet": [0, 0]} for name in FIELDS}
    misses = []
    tp = fp = fn = 0
    for file, want in labels.items():
        got = readings.get(file)
        if got is None:
            continue
        for name in FIELDS:
            w, g = want.get(name), got.get(name)
            bucket = fields[name]["quiet" if _empty(w) else "found"]
            bucket[1] += 1
            ok = _empty(g) if _empty(w) else _same(name, g, w)
            bucket[0] += ok
            if not ok:
                misses.append((file, name, g, w))
        gs, ws = _names(got.get("chairs")), _names(want.get("chairs"))
        tp += len(gs & ws)
        fp += len(gs - ws)
        fn += len(ws - gs)
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    found = [sum(f["found"][0] for f in fields.values()), sum(f["found"][1] for f in fields.values())]
    quiet = [sum(f["quiet"][0] for f in fields.values()), sum(f["quiet"][1] for f in fields.values())]
    return {
        "fields": {k: {"found": tuple(v["found"]), "quiet": tuple(v["quiet"])} for k, v in fields.items()},
        "chairs_f1": f1,
        "overall": {"found": tuple(found), "quiet": tuple(quiet)},
        "misses": misses,
    }


def _ratio(pair) -> str:
    hits, n = pair
    return "—" if not n else f"{hits / n:.2f} ({hits}/{n})"


def report_lines(result: dict) -> list[str]:
    lines = [f"{'field':<24}{'found':>14}{'quiet':>14}"]
    for name, v in result["fields"].items():
        lines.append(f"{name:<24}{_ratio(v['found']):>14}{_ratio(v['quiet']):>14}")
    lines.append(f"{'overall':<24}{_ratio(result['overall']['found']):>14}{_ratio(result['overall']['quiet']):>14}")
    lines.append(f"chairs F1: {result['chairs_f1']:.2f}")
    for file, name, got, want in result["misses"]:
        lines.append(f"miss {file} {name}: read {got!r}, label {want!r}")
    return lines
