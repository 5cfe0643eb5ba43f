"""The Thai translation is complete and current: every string of ui/ is translated, the shipped
.qm is what the .ts compiles to, and translations keep the placeholders of their source."""

from __future__ import annotations

import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

from ui.i18n import CATALOGUE_NAME, TRANSLATIONS_DIR, lrelease, lupdate

SHIPPED_TS = TRANSLATIONS_DIR / f"{CATALOGUE_NAME}.ts"
SHIPPED_QM = SHIPPED_TS.with_suffix(".qm")
PLACEHOLDER = re.compile(r"\{\w+\}|%n")


def _messages(path: Path) -> dict[tuple[str, str], ET.Element]:
    root = ET.parse(path).getroot()
    return {
        (context.findtext("name", ""), message.findtext("source", "")): message
        for context in root.iter("context")
        for message in context.iter("message")
    }


def _translation(message: ET.Element) -> str:
    element = message.find("translation")
    assert element is not None
    forms = [form.text or "" for form in element.iter("numerusform")]
    return " ".join(forms) if forms else element.text or ""


def test_every_string_in_the_code_is_in_the_catalogue(tmp_path: Path) -> None:
    fresh = tmp_path / SHIPPED_TS.name
    shutil.copy(SHIPPED_TS, fresh)
    lupdate(fresh)  # what `python -m ui.i18n` would write now
    assert set(_messages(fresh)) == set(_messages(SHIPPED_TS)), "run: python -m ui.i18n"


def test_every_string_is_translated_with_its_placeholders() -> None:
    for (context, source), message in _messages(SHIPPED_TS).items():
        translation = message.find("translation")
        assert translation is not None and translation.get("type") is None, (context, source)
        thai = _translation(message)
        assert thai.strip(), (context, source)
        assert sorted(PLACEHOLDER.findall(thai)) == sorted(PLACEHOLDER.findall(source)), source


def test_the_shipped_qm_is_compiled_from_the_shipped_ts(tmp_path: Path) -> None:
    compiled = tmp_path / SHIPPED_QM.name
    lrelease(SHIPPED_TS, compiled)
    assert compiled.read_bytes() == SHIPPED_QM.read_bytes(), "run: python -m ui.i18n"
