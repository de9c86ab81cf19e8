"""One layout pass for each change on screen, not two.

Textual lays a screen out, then gives each widget its new size (`Widget._size_updated`). A widget whose
size or scrollable size changed stores it in `virtual_size`, a reactive that asks for a layout of its
own. So every change that adds, removes or resizes a widget (every answer: two new transcript bubbles,
a new question) is laid out twice, and the second pass finds nothing to move. In a long conversation
it costs 10-15 ms, as much as the first.

One second pass is still asked for: a group of auto height (the current question's `Area`) whose children
reach below it. Textual keeps each widget's box model and arrangement until the widget itself asks for a
layout; an answer button whose new label wraps to two lines (60 columns, or the kiosk at 80) asks only
when it is next idle, after the pass that measured the group with the old label. The group came out a
line or two short, and Done was below the end of the conversation, where no scrolling reached it. Such
a group forgets what it kept and is laid out again (`_size_updated`); nothing else is.

What does need another pass asks for one itself: a scroll bar that comes or goes
(`show_vertical_scrollbar` is a layout reactive), a widget whose content changes size
(`refresh(layout=True)`). Textual already stores the size without asking again after a scroll
(`Screen._refresh_layout(scroll=True)`); `install` makes every layout do the same.

Widgets built on `ScrollView` (the answer box, the criteria table) have their own `_size_updated`,
which never asks for a layout, so this changes nothing for them.

A new screen had the same problem three times over (the first question, the summary, the ruled-out
dialog: 4-5 passes and as many paints, each 5-15 ms, where one does):
- Its widgets ask for a layout as they are mounted, one by one, but the messages that carry those
  requests reach the screen after it has already been laid out with all of them, when it was shown. A
  pass lays out the whole screen as it is, so a request made before the pass began is answered by it:
  `_on_layout` drops such requests (each message says when it was made).
- Each full pass sends the screen itself a Resize (it has just been "shown"), and a Resize lays the
  screen out again at once, even at the size it has and with nothing asked. `_screen_resized` now skips
  that case. A real change of size, or a request still waiting, is laid out as before.
- A screen asks to be painted whole after it is shown, and Textual paints that on its next update tick
  (up to 1/60 s later), even when a full pass comes first. A full pass now paints it then, and the tick
  has nothing left to do (about 15 ms sooner idle after the first question; the benchmark shows it,
  the tests cannot: their pilot's pauses paint on their own).
- Each time a screen is pushed, Textual styles every widget on it again (a screen pushed before may
  have missed a change while it was away). A new screen's widgets were styled moments before, as they
  were mounted, with the same stylesheet and the screen's size classes (see breakpoints.py):
  `_on_screen_resume` skips it the first time (5 ms for the conversation, 4 for the welcome screen and
  the summary). Widgets whose type is new bring their CSS as they are mounted, and Textual scopes it to
  them, so nothing styled earlier needs it.
- Textual keeps the screen beneath a dialog laid out, since a dialog may let it show through (ours do
  not: app.tcss). A dialog pushed over a screen that still asks for a layout (a change made just
  before) was painted over the whole screen, the screen beneath laid out on the dialog's Resize, and
  the dialog painted whole again. `_on_screen_resume` first lays out what is beneath and still asks
  for it, so the dialog is painted once (about 7 ms). (The ruled-out message no longer meets this: the
  next question is drawn beneath it after it is shown; see `ConversationScreen._give`.)

Textual is pinned below 9 in pyproject.toml: check this again when it is upgraded
(tests/ui/test_one_pass.py fails if a second pass or a second styling comes back, or if a scroll bar
or a resize stops getting its own).
"""

from __future__ import annotations

from textual import _time, events, messages
from textual.geometry import Size
from textual.screen import Screen
from textual.widget import Widget

_textual_size_updated = Widget._size_updated
_textual_refresh_layout = Screen._refresh_layout
_textual_on_layout = Screen._on_layout
_textual_screen_resized = Screen._screen_resized
_textual_on_screen_resume = Screen._on_screen_resume


def _size_updated(self: Widget, size: Size, virtual_size: Size, container_size: Size, layout: bool = True) -> bool:
    """Textual's own, storing the new size without asking for another layout, unless the widget is a group of
    auto height that its children reach below: its height came from a box model kept from before they changed
    (see the module's docstring), and it is laid out again from a new one."""
    styles = self.styles
    auto = styles.height is not None and styles.height.is_auto and styles.max_height is None
    outgrown = auto and virtual_size.height > size.height and not self.allow_vertical_scroll
    if outgrown:
        for widget in (self, *self.query("*")):
            widget._box_model_cache.clear()
            widget._clear_arrangement_cache()
    return _textual_size_updated(self, size, virtual_size, container_size, layout=outgrown)


def _refresh_layout(self: Screen[object], size: Size | None = None, scroll: bool = False) -> None:
    """Textual's own, noting when a full pass began; every request made before it is answered."""
    full = not (scroll and not self._layout_widgets)  # Textual's test: otherwise it only shows what scrolled in
    if full and self._repaint_required:  # painted in this pass, as Textual's next update tick would have
        self._dirty_widgets.add(self)
        self._repaint_required = False
    began = _time.get_time()
    _textual_refresh_layout(self, size, scroll)
    if full:
        self._one_pass_began = began  # type: ignore[attr-defined]
        self._layout_required = False


async def _on_layout(self: Screen[object], message: messages.Layout) -> None:
    """Textual's own, for a request made after the last full pass began (an earlier one is answered)."""
    if message.time < getattr(self, "_one_pass_began", float("-inf")):
        message.stop()
        message.prevent_default()
        return
    await _textual_on_layout(self, message)


def _screen_resized(self: Screen[object], size: Size) -> None:
    """Textual's own, unless the screen is laid out at this size already and nothing asks for a pass."""
    if size == self._size and not self._layout_widgets and not self._layout_required:
        return
    _textual_screen_resized(self, size)


def _on_screen_resume(self: Screen[object], event: events.ScreenResume) -> None:
    """Textual's own, without styling the screen again the first time it is shown, and after laying out
    the screens beneath it that Textual keeps laid out."""
    if not getattr(self, "_one_pass_shown", False):
        self._one_pass_shown = True  # type: ignore[attr-defined]
        event.refresh_styles = False
    if self.is_attached:
        for beneath in self.app._background_screens:
            if beneath._layout_required or beneath._layout_widgets:
                beneath._refresh_layout(self.app.size)
    _textual_on_screen_resume(self, event)


def install() -> None:
    """Lay out once per change, in every app of this process (done again, it changes nothing)."""
    Widget._size_updated = _size_updated  # type: ignore[method-assign]
    Screen._refresh_layout = _refresh_layout  # type: ignore[method-assign]
    Screen._on_layout = _on_layout  # type: ignore[method-assign]
    Screen._screen_resized = _screen_resized  # type: ignore[method-assign]
    Screen._on_screen_resume = _on_screen_resume  # type: ignore[method-assign]
