"""The error sound: a short falling two-tone, so a bad scan is heard without looking up.

PySide6-Essentials has no QtMultimedia, so the shipped WAV
(``resources/sounds/error.wav``, made for this program) is played by the
system's own player — PipeWire's ``pw-play``, PulseAudio's ``paplay`` or ALSA's
``aplay`` (alsa-utils, installed by run.sh) — started detached so the till
never waits for it.  With none of them, Qt's beep.
"""

from __future__ import annotations

import shutil

from PySide6.QtCore import QProcess
from PySide6.QtWidgets import QApplication

from resources import resource_path

PLAYERS = ("pw-play", "paplay", "aplay")


class ErrorSound:
    """Plays the error sound; counts how often (the tests check that errors are heard)."""

    def __init__(self, *, silent: bool = False):
        self.played = 0
        self._silent = silent
        self._wav = str(resource_path("sounds", "error.wav"))
        self._player = next((path for name in PLAYERS if (path := shutil.which(name))), None)

    def __call__(self) -> None:
        self.played += 1
        if self._silent:
            return
        if self._player is None:
            QApplication.beep()
            return
        arguments = ["-q", self._wav] if self._player.endswith("aplay") else [self._wav]
        QProcess.startDetached(self._player, arguments)
