"""The Textual terminal app: patient mode and the clinic kiosk, and replaying dialogs through it.

Only this package imports Textual. Screens and widgets live one to a module under `screens/` and
`widgets/`; the engine owns the state, the screens only show it and forward answers.
"""
