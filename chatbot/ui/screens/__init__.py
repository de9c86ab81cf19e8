"""The app's screens, one to a module."""
