"""The trial record's link as a QR code people can scan with a phone."""

from __future__ import annotations

from textual.widgets import Static

from ..qr import qr_text


class QrCode(Static):
    """A QR code drawn with half-block characters (light modules drawn; app.tcss sets light on dark)."""

    def __init__(self, data: str) -> None:
        super().__init__(qr_text(data), markup=False, id="qr")
