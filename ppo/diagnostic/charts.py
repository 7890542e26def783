"""Small server-rendered SVG charts. Every chart sits next to a table of the same figures."""

WIDTH, HEIGHT, PAD = 120, 32, 4


def sparkline(values: list, *, target=None) -> dict | None:
    """Polyline points of a series (None = missing year, skipped); None when fewer than two known values."""
    known = [(i, float(v)) for i, v in enumerate(values) if v is not None]
    if len(known) < 2:
        return None
    numbers = [v for _, v in known] + ([float(target)] if target is not None else [])
    low, high = min(numbers), max(numbers)
    span = (high - low) or 1.0
    step = (WIDTH - 2 * PAD) / max(len(values) - 1, 1)

    def y(v):
        return round(HEIGHT - PAD - (v - low) * (HEIGHT - 2 * PAD) / span, 1)

    points = [(round(PAD + i * step, 1), y(v)) for i, v in known]
    return {
        "width": WIDTH,
        "height": HEIGHT,
        "points": " ".join(f"{x},{yy}" for x, yy in points),
        "last": points[-1],
        "target_y": y(float(target)) if target is not None else None,
    }
