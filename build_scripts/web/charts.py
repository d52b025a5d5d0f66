"""Charts drawn at build time as inline SVG (no script, no request): the
amounts side by side on a logarithmic scale, and the timeline.

Every label is escaped; the SVG carries a <title> and the figures it shows
are also in the page's table, so nothing depends on seeing the picture. Its
bars and dots are links, so it is a labelled group, not an image (an image
may not hold interactive content).
"""

from __future__ import annotations

import math
import re

from markupsafe import Markup, escape

from ..reference.figures import Event, Figure

JA_UNITS = ((1e12, "兆"), (1e8, "億"), (1e4, "万"))
EN_UNITS = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))


def _number(value: float) -> str:
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def format_amount(value: float, unit: str, lang: str) -> str:
    """1.4e12 USD -> "$1.4 trillion" / "1.4兆ドル"; 27 percent -> "27%"."""
    if unit in ("USD", "GBP"):
        if lang == "ja":
            for size, name in JA_UNITS:
                if value >= size:
                    return f"{_number(value / size).replace(',', '')}{name}{'ドル' if unit == 'USD' else 'ポンド'}"
            return f"{_number(value)}{'ドル' if unit == 'USD' else 'ポンド'}"
        symbol = "$" if unit == "USD" else "£"
        for size, name in EN_UNITS:
            if value >= size:
                return f"{symbol}{_number(value / size)} {name}"
        return f"{symbol}{_number(value)}"
    ja = {
        "percent": "{}%",
        "years": "{}年",
        "multiple": "{}倍",
        "people": "{}人",
        "months": "{}か月",
        "count": "{}",
        "year": "{}年",
    }
    en = {
        "percent": "{}%",
        "years": "{} years",
        "multiple": "{}x",
        "people": "{} people",
        "months": "{} months",
        "count": "{}",
        "year": "{}",
    }
    shown = _number(value) if unit != "year" else str(int(value))
    if unit in ("people", "count"):
        for size, name in JA_UNITS if lang == "ja" else EN_UNITS:
            if value >= size and (lang == "ja" or value >= 1e6):
                shown = (
                    f"{_number(value / size).replace(',', '')}{name}"
                    if lang == "ja"
                    else f"{_number(value / size)} {name}"
                )
                break
    return (ja if lang == "ja" else en)[unit].format(shown)


def log_bars(figures: list[Figure], unit: str, lang: str, title: str) -> Markup:
    """Horizontal bars on a log10 scale, largest first, one per figure."""
    rows = sorted((f for f in figures if f.unit == unit and f.value > 0), key=lambda f: -f.value)
    if not rows:
        return Markup("")
    low = math.floor(math.log10(min(f.value for f in rows)))
    high = math.ceil(math.log10(max(f.value for f in rows)))
    high = max(high, low + 1)
    label_w, bar_w, row_h, top = 330, 330, 22, 28
    width, height = label_w + bar_w + 110, top + row_h * len(rows) + 8

    def x(value: float) -> float:
        return label_w + bar_w * (math.log10(value) - low) / (high - low)

    parts = [
        f'<svg class="chart chart-log" width="{width}" height="{height}" viewBox="0 0 {width} {height}" role="group" '
        f'aria-labelledby="chart-{unit}-title" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="chart-{unit}-title">{escape(title)}</title>',
    ]
    for power in range(low, high + 1):
        tick = x(10**power)
        parts.append(f'<line class="grid" x1="{tick:.1f}" y1="{top - 6}" x2="{tick:.1f}" y2="{height - 6}"/>')
        parts.append(
            f'<text class="tick" x="{tick:.1f}" y="{top - 10}" text-anchor="middle">'
            f"{escape(format_amount(10**power, unit, lang))}</text>"
        )
    for n, figure in enumerate(rows):
        y = top + n * row_h
        label = _shorten(figure.label(lang), 26 if lang == "ja" else 48)
        parts.append(
            f'<a href="#{escape(figure.id)}"><text class="label" x="{label_w - 8}" y="{y + 15}" '
            f'text-anchor="end">{escape(label)}</text></a>'
        )
        parts.append(
            f'<rect class="bar" x="{label_w}" y="{y + 4}" width="{max(x(figure.value) - label_w, 2):.1f}" '
            f'height="{row_h - 8}"/>'
        )
        parts.append(
            f'<text class="value" x="{x(figure.value) + 6:.1f}" y="{y + 15}">'
            f"{escape(format_amount(figure.value, unit, lang))}</text>"
        )
    parts.append("</svg>")
    return Markup("\n".join(parts))


def _shorten(text: str, limit: int) -> str:
    text = re.sub(r"[((].*?[))]", "", text).strip()
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _year_position(date: str) -> float | None:
    """A date as a fractional year (2026-03-14 -> 2026.2); None without a year."""
    match = re.match(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$", date)
    if not match:
        return None
    year, month, day = int(match.group(1)), int(match.group(2) or 1), int(match.group(3) or 1)
    return year + (month - 1) / 12 + (day - 1) / 365


def timeline(events: list[Event], lang: str, title: str) -> Markup:
    """A time axis by year with a numbered dot per dated event (the numbers
    are those of the list under it)."""
    dated = [(n, e, _year_position(e.date)) for n, e in enumerate(events, start=1)]
    dated = [(n, e, pos) for n, e, pos in dated if pos is not None]
    if not dated:
        return Markup("")
    first, last = math.floor(min(p for *_, p in dated)), math.floor(max(p for *_, p in dated)) + 1
    left, span, width = 30, 700, 760
    lanes: list[float] = []  # the right edge of the last dot on each lane, so dots never overlap

    def x(pos: float) -> float:
        return left + span * (pos - first) / (last - first)

    placed = []
    for n, event, pos in dated:
        cx = x(pos)
        lane = next((i for i, edge in enumerate(lanes) if cx - edge >= 24), len(lanes))
        if lane == len(lanes):
            lanes.append(cx)
        lanes[lane] = cx
        placed.append((n, event, cx, lane))
    axis = 24 + 26 * len(lanes)
    height = axis + 26
    parts = [
        f'<svg class="chart chart-timeline" width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
        f'role="group" aria-labelledby="timeline-title" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="timeline-title">{escape(title)}</title>',
        f'<line class="axis" x1="{left}" y1="{axis}" x2="{left + span}" y2="{axis}"/>',
    ]
    for year in range(first, last + 1):
        tx = x(year)
        parts.append(f'<line class="grid" x1="{tx:.1f}" y1="{axis - 4}" x2="{tx:.1f}" y2="{axis + 4}"/>')
        parts.append(f'<text class="tick" x="{tx:.1f}" y="{axis + 18}" text-anchor="middle">{year}</text>')
    for n, event, cx, lane in placed:
        cy = axis - 16 - 26 * lane
        parts.append(
            f'<a href="#event-{n}"><line class="stem" x1="{cx:.1f}" y1="{cy}" x2="{cx:.1f}" y2="{axis}"/>'
            f'<circle class="dot" cx="{cx:.1f}" cy="{cy}" r="10"><title>{escape(event.date)} '
            f"{escape(event.label(lang))}</title></circle>"
            f'<text class="dot-label" x="{cx:.1f}" y="{cy + 4}" text-anchor="middle">{n}</text></a>'
        )
    parts.append("</svg>")
    return Markup("\n".join(parts))
