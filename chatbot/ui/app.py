"""The Textual app: patient mode (`trialbot`) and the clinic kiosk (`trialbot --kiosk`).

The app owns what spans people: the language, starting again, the kiosk's idle wipe and staff exit.
Screens own their layout; the screening engine owns the answers.
"""

from __future__ import annotations

import math
import os
import sys
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from rich.text import Text
from textual import events, on
from textual.app import App
from textual.binding import Binding
from textual.screen import Screen

from .. import garbage
from ..content import ContentPack
from ..settings import ENV_PIN, Settings
from . import breakpoints, cjk_wrap, one_pass
from .crash import crash_message, full_traceback_wanted
from .held_keys import SETTLE_SECONDS, HeldKeys
from .messages import ChooseLanguage, ShowAbout, StartAgain, StartConversation
from .pin_guard import PinGuard
from .screens.conversation import ConversationScreen
from .screens.welcome import WelcomeScreen
from .session import Session
from .theme import KIOSK_THEME, PATIENT_THEME

if TYPE_CHECKING:
    from ..understanding import Understanding
    from .screens.idle import IdleScreen

STAFF_EXIT_KEY = "ctrl+backslash"
"""Kiosk staff exit. Every terminal sends Ctrl+\\ as one byte (0x1c), and Textual turns off the terminal
signal that would otherwise make it quit the program, so it arrives as a key. Not shown on screen."""
IDLE_TICK_SECONDS = 1.0
NO_PIN_STATUS = 2


class TrialbotApp(App[int], inherit_bindings=False):
    """One app for both modes. `kiosk=True`: no way out without the PIN, idle wipe, QR code, no saving."""

    CSS_PATH = "app.tcss"
    ENABLE_COMMAND_PALETTE = False
    # Nothing is focused for the person: a focused answer would look chosen, and Enter would pick it.
    # Screens that want the keyboard somewhere (a text box) say so themselves.
    AUTO_FOCUS = None
    # No in-app text selection: Textual's copy keys are unbound (the kiosk must not copy), so it would only
    # select for nothing. The terminal's own selection (usually Shift+drag) still works at home.
    ALLOW_SELECT = False
    HORIZONTAL_BREAKPOINTS = breakpoints.HORIZONTAL
    VERTICAL_BREAKPOINTS = breakpoints.VERTICAL
    # inherit_bindings=False drops Textual's ctrl+c / ctrl+q defaults; these are the only app keys.
    BINDINGS = [
        Binding("ctrl+q", "quit", "ui_key_quit", priority=True),
        Binding(STAFF_EXIT_KEY, "staff_exit", show=False, priority=True),
    ]

    def __init__(
        self,
        pack: ContentPack,
        settings: Settings,
        *,
        lang: str,
        kiosk: bool = False,
        understanding: Understanding | None = None,
        clock: Callable[[], float] = time.monotonic,
        held_keys_seconds: float = SETTLE_SECONDS,
    ) -> None:
        super().__init__()
        one_pass.install()
        cjk_wrap.install()
        # No toasts and no tooltips: nothing here uses them, and the tests and snapshots run without them
        # (Textual's run_test). Without them each screen has two widgets fewer, and a screen being shown
        # asks for no second layout (Textual sets its toast rack's display again on every screen shown).
        self._disable_notifications = self._disable_tooltips = True
        offered = lang if lang in pack.languages else pack.languages[0]
        # 0 for scripted players, who press the next answer's key as soon as its question is there.
        held_keys = HeldKeys(lambda: self.clock(), held_keys_seconds)
        self.session = Session(pack, settings, offered, kiosk, shared_understanding=understanding, held_keys=held_keys)
        self.default_lang = offered
        self.clock = clock
        """Seconds, for the idle wipe and the PIN lock; tests replace it to move time without sleeping."""
        self.last_input = 0.0
        self.idle_warning: IdleScreen | None = None
        """The kiosk's last "Are you still there?": while it shows, only its button counts as someone there."""
        self.pin_guard = PinGuard(settings.kiosk_pin or "", lambda: self.clock())
        self.started_up = False
        """Whether start-up is over: `garbage.START_UP_SECONDS` after mounting, what it left out is loaded and
        its garbage collected (`_start_up_over`)."""

    @property
    def kiosk(self) -> bool:
        return self.session.kiosk

    def get_default_screen(self) -> Screen[None]:
        return WelcomeScreen(self.session)

    def _fatal_error(self) -> None:
        """An error nothing handled: an apology instead of Textual's traceback of every variable (see crash.py).
        Textual's own method, private: it adds the traceback to what is printed once the app has closed."""
        if full_traceback_wanted():
            super()._fatal_error()
            return
        self._exit_renderables.append(Text(crash_message(self._exception)))
        self._close_messages_no_wait()

    def on_mount(self) -> None:
        self.last_input = self.clock()
        # At once, not as a message: the repeats of a held key are already waiting in the app's queue.
        self.screen_change_signal.subscribe(self, lambda _screen: self.session.held_keys.moved_on(), immediate=True)
        self.set_timer(garbage.START_UP_SECONDS, self._start_up_over)
        if self.kiosk:
            self.register_theme(KIOSK_THEME)
            self.theme = KIOSK_THEME.name
            self.add_class("-kiosk")
            self.set_interval(IDLE_TICK_SECONDS, self.idle_tick)
        else:
            self.theme = PATIENT_THEME

    def _start_up_over(self) -> None:
        self._load_what_comes_later()
        garbage.start_up_over()  # after the loading: what it made lives as long as the app, and is frozen
        self.started_up = True

    def _load_what_comes_later(self) -> None:
        """Load now, while the person reads the first screen, what was left out of start-up to make it fast.

        Otherwise the first typed answer would wait for the answer interpreter and rapidfuzz to load
        (about 18 ms), and the first ruled-out message or summary for its screens' modules (about 5 ms) and
        for Textual to parse its default styles again (about 8 ms): a dialog puts `Screen`'s styles
        deeper in its class tree than the screens before it, and Textual then parses every widget's
        default styles whose place changed since the last parse (`Button`'s, placed deeper by the answer
        buttons, alone takes 7 ms). Here the dialog's and the summary's default styles are added, and
        everything is parsed once.
        """
        from .screens.ruled_out import RuledOutScreen
        from .screens.summary import SummaryScreen

        self.session.understanding  # noqa: B018 (built on first use)
        stylesheet = self.stylesheet
        for screen in (RuledOutScreen(self.session, []), SummaryScreen(self.session)):
            for read_from, css, tie_breaker, scope in screen._get_default_css():
                stylesheet.add_source(css, read_from=read_from, is_default_css=True, tie_breaker=tie_breaker, scope=scope)
        stylesheet.parse()

    def on_unmount(self) -> None:
        garbage.resume()  # an answer's hold on collections must not outlive the app (see garbage.py)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "quit":
            return not self.kiosk
        if action == "staff_exit":
            return self.kiosk
        return True

    async def on_event(self, event: events.Event) -> None:
        # Every key, click or mouse move from the terminal counts as someone being there; not while the
        # kiosk asks "Are you still there?", nor on the staff's PIN box over it: only its button does then (see
        # screens/idle.py). Keys on the PIN box, then Esc, closed the warning and showed the answers.
        if isinstance(event, events.InputEvent) and not event.is_forwarded and self._warning() is None:
            self.note_activity()
        await super().on_event(event)

    def note_activity(self) -> None:
        """Someone is using the app now: restart the idle countdown."""
        self.last_input = self.clock()

    # --- what screens ask for --------------------------------------------------------------------

    @on(StartConversation)
    def _start(self) -> None:
        # Only from the welcome screen: a Start key pressed just before About covered it is dropped,
        # or the questions would open on top of About.
        if isinstance(self.screen, WelcomeScreen):
            garbage.hold_while_answering()
            self.push_screen(ConversationScreen(self.session))

    @on(ShowAbout)
    def _about(self) -> None:
        from .screens.about import AboutScreen  # the screens the first question does not show load late

        if not isinstance(self.screen, AboutScreen):
            self.push_screen(AboutScreen(self.session))

    @on(ChooseLanguage)
    async def _language(self, message: ChooseLanguage) -> None:
        await self.set_language(message.lang)

    @on(StartAgain)
    async def _start_again(self) -> None:
        await self.wipe()

    async def set_language(self, lang: str) -> None:
        """Show every open screen in `lang`; the answers stay as they are."""
        if lang not in self.session.languages or lang == self.session.lang:
            return
        self.session.lang = lang
        for screen in self.screen_stack:
            await screen.recompose()
            screen.refresh_bindings()

    async def wipe(self) -> None:
        """Forget this person: close every screen they opened, clear the engine, welcome the next one.

        The screens close first: a key or click of theirs still on its way is handled while they close, and
        it must act on their own answers, which are then cleared. Cleared first, a "1" pressed as the wipe
        ran answered "Are you a woman or a man?" for the next person, and "Change this answer" on the "may
        not be right for you" message crashed the app (it went back to an answer no longer there)."""
        while len(self.screen_stack) > 1:
            await self.pop_screen()
        self.idle_warning = None
        self.session.screening.reset()
        self.session.lang = self.default_lang
        await self.screen.recompose()
        self.screen.refresh_bindings()
        self.note_activity()

    # --- kiosk -----------------------------------------------------------------------------------

    def action_staff_exit(self) -> None:
        """Ask for the staff PIN; the right one closes the kiosk."""
        from .screens.pin import PinScreen

        if not isinstance(self.screen, PinScreen):
            self.push_screen(PinScreen(self.session, self.pin_guard), lambda right: self.exit(0) if right else None)

    def _pristine(self) -> bool:
        """Nobody is using it: the welcome screen in the default language, no answers."""
        return (
            len(self.screen_stack) == 1
            and self.session.lang == self.default_lang
            and not self.session.screening.answers
        )

    async def idle_tick(self) -> None:
        """Called every second in kiosk mode: warn after `idle_seconds`, wipe after the warning runs out."""
        from .screens.idle import IdleScreen

        settings = self.session.settings
        idle = self.clock() - self.last_input
        # One warning at most: beneath the staff's PIN box, say, it is still there, and still counts down. A second
        # one pushed over that box left the first one stuck under it, taking keys as someone being there.
        warning = self._warning()
        if idle < settings.idle_seconds or self._pristine():
            if warning is not None and warning is self.screen:
                warning.dismiss(None)
            return
        left = settings.idle_seconds + settings.idle_warning_seconds - idle
        if left <= 0:
            await self.wipe()
        elif warning is not None:
            warning.show_seconds(math.ceil(left))
        else:
            self.idle_warning = IdleScreen(self.session, math.ceil(left))
            self.push_screen(self.idle_warning, self._still_here)

    def _warning(self) -> IdleScreen | None:
        """The idle warning, while it is open (in front, or beneath the staff's PIN box)."""
        return self.idle_warning if self.idle_warning in self.screen_stack else None

    def _still_here(self, _: None) -> None:
        self.idle_warning = None
        self.note_activity()


def run_app(pack: ContentPack, settings: Settings, *, lang: str, kiosk: bool = False) -> int:
    """Run the app in this terminal until it is closed; returns the exit status."""
    if kiosk and not settings.kiosk_pin:
        print(
            "trialbot: kiosk mode needs a staff PIN (4-12 digits): set kiosk_pin in the settings file "
            f"(--settings FILE) or the environment variable {ENV_PIN}",
            file=sys.stderr,
        )
        return NO_PIN_STATUS
    if kiosk:
        # With this set, Textual would let Ctrl+C / Ctrl+Z / Ctrl+\ reach the terminal as signals.
        os.environ.pop("TEXTUAL_ALLOW_SIGNALS", None)
    app = TrialbotApp(pack, settings, lang=lang, kiosk=kiosk)
    result = app.run()
    return app.return_code or result or 0  # 1 after an error nothing handled (see crash.py)
