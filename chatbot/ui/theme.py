"""The kiosk's high-contrast theme: white on black, yellow for what can be pressed."""

from __future__ import annotations

from textual.theme import Theme

KIOSK_THEME = Theme(
    name="trialbot-kiosk",
    primary="#FFD700",
    secondary="#4FC3F7",
    accent="#FFD700",
    foreground="#FFFFFF",
    background="#000000",
    surface="#000000",
    panel="#202020",
    success="#00E676",
    warning="#FFD740",
    error="#FF6E6E",
    dark=True,
)
PATIENT_THEME = "textual-dark"
