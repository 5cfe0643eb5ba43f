"""The PySide6 counter app.  Talks to ``pos`` services only, never to the store directly."""
