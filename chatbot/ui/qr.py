"""A QR code as terminal text: two rows of modules per line, drawn with half-block characters."""

from __future__ import annotations

# (top module light, bottom module light) -> character. Light modules are drawn, dark ones left blank,
# so the code must be shown light-on-dark (the widget's style sets the colours).
_HALF_BLOCKS = {(True, True): "█", (True, False): "▀", (False, True): "▄", (False, False): " "}
QUIET_ZONE = 2
"""Light modules around the code; readers need some to find it."""


def qr_text(data: str) -> str:
    """The QR code of `data` as lines of half-block characters (light modules drawn)."""
    import segno  # only the kiosk's summary draws a code: keep it out of every start-up

    # Error level L keeps the code small (version 3 for the record link): a screen is not a crumpled page.
    code = segno.make(data, error="l", boost_error=False)
    rows = [[not dark for dark in row] for row in code.matrix_iter(scale=1, border=QUIET_ZONE)]
    if len(rows) % 2:
        rows.append([True] * len(rows[0]))
    return "\n".join(
        "".join(_HALF_BLOCKS[(top, bottom)] for top, bottom in zip(upper, lower, strict=True))
        for upper, lower in zip(rows[::2], rows[1::2], strict=True)
    )
