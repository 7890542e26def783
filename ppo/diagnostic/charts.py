"""Small server-rendered SVG charts. Every chart sits next to a table of the same figures."""

WIDTH, HEIGHT, PAD = 80, 24, 3


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
    # Strings, so that the French localisation of templates never writes « 4,5 » inside SVG coordinates.
    return {
        "width": str(WIDTH),
        "height": str(HEIGHT),
        "points": " ".join(f"{x},{yy}" for x, yy in points),
        "last_x": str(points[-1][0]),
        "last_y": str(points[-1][1]),
        "target_y": str(y(float(target))) if target is not None else None,
    }
