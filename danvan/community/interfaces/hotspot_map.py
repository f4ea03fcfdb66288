"""The hot spots' map by area, drawn on the server as an SVG (no map library, no tiles, nothing loaded
from the internet): each hot spot at its own coordinates, else at its commune's centroid, coloured by
risk, linked to its page. The list and the map are built from the same filtered queryset."""

import math

from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

WIDTH, HEIGHT, PAD = 640, 420, 24
COLOURS = {"low": "#2e7d32", "medium": "#f9a825", "high": "#ef6c00", "very_high": "#c62828"}
MAX_POINTS = 1000


def points(spots) -> tuple[list[dict], int]:
    """(points with coordinates, how many hot spots have none: neither their own nor their commune's)."""
    result, missing = [], 0
    for s in spots:
        lat = float(s.latitude) if s.latitude is not None else s.area.latitude
        lon = float(s.longitude) if s.longitude is not None else s.area.longitude
        if lat is None or lon is None:
            missing += 1
            continue
        result.append({"lat": lat, "lon": lon, "spot": s})
    return result, missing


def svg(spots) -> dict:
    """{"svg": the drawing (safe HTML) or "", "shown": n, "missing": n} for at most ``MAX_POINTS``."""
    pts, missing = points(spots[:MAX_POINTS] if hasattr(spots, "__getitem__") else spots)
    if not pts:
        return {"svg": "", "shown": 0, "missing": missing}
    lats, lons = [p["lat"] for p in pts], [p["lon"] for p in pts]
    south, north, west, east = min(lats), max(lats), min(lons), max(lons)
    squash = math.cos(math.radians((south + north) / 2))
    span_x, span_y = max((east - west) * squash, 0.02), max(north - south, 0.02)
    scale = min((WIDTH - 2 * PAD) / span_x, (HEIGHT - 2 * PAD) / span_y)

    def xy(p):
        return (PAD + (p["lon"] - west) * squash * scale + ((WIDTH - 2 * PAD) - (east - west) * squash * scale) / 2,
                PAD + (north - p["lat"]) * scale + ((HEIGHT - 2 * PAD) - (north - south) * scale) / 2)

    marks = []
    for p in pts:
        s = p["spot"]
        x, y = xy(p)
        marks.append((reverse("hot_spot_detail", args=[s.pk]), f"{x:.1f}", f"{y:.1f}",
                      COLOURS.get(s.risk, "#607d8b"), f"{s.title} — {s.area.kind_name} {s.area.name} "
                      f"({s.get_risk_display()}, {s.get_state_display()})"))
    body = format_html_join("", '<a href="{}"><circle cx="{}" cy="{}" r="7" fill="{}" fill-opacity="0.8" '
                            'stroke="#fff"><title>{}</title></circle></a>', marks)
    legend = format_html_join("", '<circle cx="{}" cy="{}" r="5" fill="{}"/><text x="{}" y="{}" font-size="11">{}'
                              '</text>', [(PAD + 110 * i, HEIGHT - 8, colour, PAD + 110 * i + 8, HEIGHT - 4, label)
                                          for i, (colour, label) in enumerate(
                                              (COLOURS[k], v) for k, v in _risks())])
    drawing = format_html(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {} {}" role="img" aria-label="{}" class="dv-map '
        'border rounded bg-light w-100" style="max-width:{}px">{}{}</svg>', WIDTH, HEIGHT, _("Map of hot spots"),
        WIDTH, body, legend)
    return {"svg": mark_safe(drawing), "shown": len(pts), "missing": missing}


def _risks():
    from danvan.community.models import Risk
    return [(r.value, str(r.label)) for r in Risk]
