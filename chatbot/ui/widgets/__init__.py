"""The app's widgets, one to a module."""
