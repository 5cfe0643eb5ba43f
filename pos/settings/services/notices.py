"""Telling the running counter that the settings changed, so a change needs no restart.

The parts of the counter that keep a setting while they run (the till's copy of
the settings, the idle lock's timer, the terminal's name in the header, the
payment being taken) subscribe here; whoever stores a change through the
settings service then publishes the settings as stored.  Callbacks run on the
publisher's thread (the GUI thread: the settings screen and dialogs publish),
in the order they subscribed.  Parts that read the store each time (the
checkout's quote, the printer's worker) need no subscription.
"""

from __future__ import annotations

from collections.abc import Callable

from pos.settings.domain.shop_settings import Settings

Listener = Callable[[Settings], None]


class SettingsNotices:
    """Subscribers to "the settings changed", each called with the settings as stored."""

    def __init__(self) -> None:
        self._listeners: list[Listener] = []

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Call ``listener`` after every change; returns what unsubscribes it."""
        self._listeners.append(listener)

        def unsubscribe() -> None:
            if listener in self._listeners:
                self._listeners.remove(listener)

        return unsubscribe

    def publish(self, settings: Settings) -> None:
        for listener in list(self._listeners):  # one may unsubscribe while being told
            listener(settings)
