"""A part of a screen drawn again and again with small changes: the current question and its answers.

Mounting a widget costs far more than changing one (styles, messages, layout, a first render), and an
answer should show the next question within one frame. So an `Area` is shown from a list of new
widgets, and keeps each widget it already has with the same id and kind, changed to look like the new
one; only the rest are mounted or removed. A widget that is costly to mount and comes back (the number
pad: fourteen buttons; an answer button, as a question with fewer answers follows one with more) says
`parks = True`: it is hidden at the end of the area instead of removed (and told so, if it has a
`park` method), and shown again, changed, when a widget with its id and kind is shown.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol, TypeVar, runtime_checkable

from textual import events
from textual.app import ComposeResult
from textual.containers import VerticalGroup
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Button, Static


@runtime_checkable
class Changes(Protocol):
    """A widget that can take on the look of a new one of its kind (same id), instead of being replaced."""

    def take(self, new: Widget) -> bool:
        """Show what `new` (not mounted) would show; False if this widget cannot, and must be replaced."""
        ...


class Area(VerticalGroup):
    """A vertical group shown with `show(widgets)`: kept widgets are changed in place, others come and go."""

    class Resized(Message):
        """The area has its new size, after a layout: a screen may now measure it (Textual's Resize does not
        bubble, and a size read right after `show`, before the layout, is the old one)."""

        def __init__(self, area: Area) -> None:
            super().__init__()
            self.area = area

        @property
        def control(self) -> Area:
            return self.area

    def __init__(self, *widgets: Widget, spares: Sequence[Widget] = (), id: str | None = None) -> None:
        super().__init__(id=id)
        self.wanted = list(widgets)
        """What a new area shows once mounted (or what a mounted area of the same id is to show)."""
        ids = {widget.id for widget in widgets}
        self.spares = [parking(spare) for spare in spares if spare.id not in ids]
        """Mounted parked with a new area, so that the first question that shows them need not mount them."""

    def compose(self) -> ComposeResult:
        yield from self.wanted
        for spare in self.spares:
            spare.display = False
            yield spare

    def on_resize(self, event: events.Resize) -> None:
        self.post_message(self.Resized(self))

    def take(self, new: Widget) -> bool:
        """An area inside an area: it is shown again with the new one's widgets, by the caller."""
        return isinstance(new, Area)

    async def show(self, widgets: Sequence[Widget]) -> None:
        """Show exactly `widgets`, in order, keeping the children that can take on a new widget's look."""
        ours = {child.id: child for child in self.children if child.id is not None}
        shown: list[Widget] = []
        for new in widgets:
            old = ours.get(new.id) if new.id is not None else None
            if old is not None and type(old) is type(new) and _take(old, new):
                if isinstance(old, Area) and isinstance(new, Area):
                    await old.show(new.wanted)
                if not old.display:
                    old.display = True  # a parked widget is back
                shown.append(old)
            else:
                shown.append(new)
        stale = [child for child in self.children if child not in shown]
        parked = [child for child in stale if getattr(child, "parks", False)]
        gone = [child for child in stale if child not in parked]
        if gone:
            await self.remove_children(gone)
        for child in parked:  # hidden, after everything shown, so the places below count only shown widgets
            child.display = False
            if callable(park := getattr(child, "park", None)):
                park()
            if child is not self.children[-1]:
                self.move_child(child, after=self.children[-1])
        for index, widget in enumerate(shown):
            children = list(self.children)
            if widget not in children:
                await self.mount(widget, before=index if index < len(children) else None)
            elif children.index(widget) != index:
                self.move_child(widget, before=index)
            if widget not in self.children:
                return  # the screen was closed or rebuilt meanwhile: nothing here is shown any more


W = TypeVar("W", bound=Widget)


def parking(widget: W) -> W:
    """`widget`, parked when an area no longer shows it (see `Area`), as widgets of a kind with `parks` are."""
    widget.parks = True  # type: ignore[attr-defined]
    return widget


def _take(old: Widget, new: Widget) -> bool:
    """Change `old` to show what `new` would: its own way if it has one, else text, label and classes."""
    if isinstance(old, Changes):
        return old.take(new)
    if isinstance(old, Static) and isinstance(new, Static):
        if old.content != new.content:
            old.update(new.content)
    elif isinstance(old, Button) and isinstance(new, Button):
        old.label = new.label
        old.variant = new.variant
        old.disabled = new.disabled
    else:
        return False
    old.set_classes(new.classes)
    return True
