"""The bottom line: the keys that work right now and what they do, in the person's language.

Like Textual's Footer, it follows the screen's active bindings; it draws them as one line of text, which
keeps each answer quick to show (the Footer rebuilds a widget per key every time focus moves).
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static

from ..session import Session


@runtime_checkable
class ShowsOwnKeys(Protocol):
    """A screen that shows some bindings its own way in the key bar: their keys ("1-3" at a question of
    three), or what they do where it differs from their description (Back, that goes back less far)."""

    def key_display(self, binding: Binding) -> str | None:
        """The keys to show for `binding`, or None for Textual's own display of them."""
        ...

    def key_words(self, binding: Binding) -> str | None:
        """What `binding` does here, in the person's language, or None for its own description."""
        ...


class KeyBar(Static):
    """"1-9 Answer  b Back  w Why? ...": every shown binding of the screen; disabled ones dimmed.

    A binding's description is a message key (`ui_key_back`), shown in the current language. A screen
    that `ShowsOwnKeys` may show a binding's keys its own way ("1-3" for three answers).
    """

    def __init__(self, session: Session) -> None:
        super().__init__(id="keys")
        self.session = session

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)
        self._draw()

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def on_resize(self) -> None:
        self._draw()

    def _bindings_changed(self, screen: Screen[object]) -> None:
        if self.is_attached and screen is self.screen:
            self._draw()

    def _draw(self) -> None:
        parts: list[Content] = []
        screen = self.screen
        own = screen if isinstance(screen, ShowsOwnKeys) else None
        for _node, binding, enabled, _tooltip in screen.active_bindings.values():
            if not binding.show:
                continue
            shown = (own.key_display(binding) if own else None) or self.app.get_key_display(binding)
            key = Content.assemble((f" {shown} ", "bold $footer-key-foreground"))
            words = (own.key_words(binding) if own else None) or self.session.t(binding.description)
            description = Content.assemble((words, "" if enabled else "dim"))
            parts.append(key + description)
        line = _fitted(parts, self.size.width)
        if line != self.content:  # the same keys again (a screen shown, focus moved): nothing to paint
            self.update(line, layout=False)  # always one line: no new layout needed


def _fitted(parts: list[Content], width: int) -> Content:
    """The keys joined in one line that fits `width` (0: not laid out yet, all of them). Too narrow (60
    columns), the ones next to last go first: the first (the answers) and the last (Quit) stay, and the
    ones between have buttons of their own on screen. Before, the line was cut, and Quit with it."""
    kept = list(parts)
    line = Content(" ").join(kept)
    while width and line.cell_length > width and len(kept) > 2:
        del kept[-2]
        line = Content(" ").join(kept)
    return line
