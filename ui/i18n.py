"""Thai on screen by default, English at the press of a key, through Qt's translation system.

The program's strings are written in English in the source (``self.tr(...)``,
``QCoreApplication.translate("Messages", ...)``) and translated to Thai in
``resources/translations/otop_pos_th.ts``; the compiled ``otop_pos_th.qm`` is
shipped next to it, so running the program needs no Qt tool.  Switching
language installs or removes the Thai translator; Qt then sends every widget a
``LanguageChange`` event and each one re-reads its texts.

After changing strings in ui/, update the catalogue and recompile it::

    .venv/bin/python -m ui.i18n        # pyside6-lupdate, then pyside6-lrelease

then fill in the new ``<translation>`` entries (Qt Linguist, ``pyside6-linguist``,
or any editor) and run it again.  A test fails while the .ts misses a string of
the code, has an unfinished translation, or the .qm is older than the .ts.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from resources import resource_path

THAI, ENGLISH = "th", "en"
CATALOGUE_NAME = "otop_pos_th"
UI_DIR = Path(__file__).resolve().parent
TRANSLATIONS_DIR = UI_DIR.parent / "resources" / "translations"

_state: dict[str, object] = {"language": ENGLISH, "translator": None}


def current_language() -> str:
    return str(_state["language"])


def is_thai() -> bool:
    return current_language() == THAI


def set_language(language: str) -> None:
    """Install (Thai) or remove (English) the translator; widgets retranslate themselves."""
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("set_language needs a QApplication")
    old = _state["translator"]
    if isinstance(old, QTranslator):
        QCoreApplication.removeTranslator(old)
        _state["translator"] = None
    if language == THAI:
        translator = QTranslator(app)
        path = resource_path("translations", CATALOGUE_NAME + ".qm")
        if not translator.load(str(path)):
            raise RuntimeError(f"could not load the Thai translation {path}")
        QCoreApplication.installTranslator(translator)
        _state["translator"] = translator
        QLocale.setDefault(QLocale(QLocale.Language.Thai, QLocale.Country.Thailand))
    else:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    _state["language"] = language


def toggle_language() -> str:
    set_language(ENGLISH if is_thai() else THAI)
    return current_language()


def sources() -> list[Path]:
    return sorted(UI_DIR.glob("*.py"))


def lupdate(ts_path: Path) -> None:
    """Extract the strings of ui/*.py into ``ts_path`` (kept translations stay)."""
    tool = Path(sys.executable).with_name("pyside6-lupdate")
    command = [str(tool), *map(str, sources()), "-locations", "none", "-no-obsolete"]
    subprocess.run(
        [*command, "-target-language", "th_TH", "-ts", str(ts_path)],
        check=True,
        capture_output=True,
    )


def lrelease(ts_path: Path, qm_path: Path) -> None:
    tool = Path(sys.executable).with_name("pyside6-lrelease")
    subprocess.run([str(tool), str(ts_path), "-qm", str(qm_path)], check=True, capture_output=True)


def main() -> int:
    ts_path = TRANSLATIONS_DIR / (CATALOGUE_NAME + ".ts")
    lupdate(ts_path)
    lrelease(ts_path, ts_path.with_suffix(".qm"))
    print(f"updated {ts_path} and its .qm")
    return 0


if __name__ == "__main__":
    sys.exit(main())
