"""Thai line breaking at word boundaries and printer-column widths."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from receipts.thai_text import (
    display_columns,
    pad_columns,
    segments,
    word_breaks_available,
    wrap,
    wrap_beside,
)

WORDS = [
    "ผ้า",
    "ไหม",
    "มัดหมี่",
    "ลาย",
    "ลูกแก้ว",
    "ทอ",
    "มือ",
    "น้ำ",
    "พริก",
    "เผา",
    "ที่",
    "กระเทียม",
    "ดำ",
    "หอมแดง",
    "ศรีสะเกษ",
    "ทุเรียน",
    "ภูเขาไฟ",
    "แส่ว",
    "OTOP",
    "100%",
]


def test_libthai_gives_real_thai_word_boundaries() -> None:
    assert word_breaks_available(), "install Debian's libthai0 (./run.sh does)"
    assert segments("ผ้าไหมมัดหมี่ลายลูกแก้ว") == ["ผ้า", "ไหม", "มัดหมี่", "ลาย", "ลูกแก้ว"]


def test_a_long_name_wraps_between_words_not_inside_them() -> None:
    lines = wrap("ผ้าไหมมัดหมี่ลายลูกแก้วทอมือจากกลุ่มทอผ้าบ้านหนองบัว", 12, display_columns)
    assert lines == ["ผ้าไหมมัดหมี่ลาย", "ลูกแก้วทอมือจาก", "กลุ่มทอผ้าบ้าน", "หนองบัว"]


def test_columns_do_not_count_thai_marks() -> None:
    assert display_columns("ที่") == 1
    assert display_columns("น้ำ") == 2  # SARA AM takes a column, the tone mark does not
    assert display_columns("ผ้าไหม") == 5
    assert pad_columns("ที่", 4, align="right") == "   ที่"


def _no_line_starts_with_a_mark(lines: list[str]) -> bool:
    return all(not line or unicodedata.category(line[0]) != "Mn" for line in lines)


@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=25), st.integers(4, 40))
def test_wrapping_keeps_every_character_in_lines_that_fit(words: list[str], width: int) -> None:
    text = "".join(words)
    lines = wrap(text, width, display_columns)
    assert "".join(lines) == text
    assert all(display_columns(line) <= width for line in lines)
    assert _no_line_starts_with_a_mark(lines)


def test_a_word_longer_than_the_line_is_cut_between_letters_never_before_a_mark() -> None:
    lines = wrap("กระเทียมโทนดองน้ำผึ้ง", 2, display_columns)
    assert "".join(lines) == "กระเทียมโทนดองน้ำผึ้ง"
    assert all(display_columns(line) <= 2 for line in lines)
    assert _no_line_starts_with_a_mark(lines)


def test_spaces_at_a_break_are_dropped_and_newlines_kept() -> None:
    assert wrap("ราคา 120 บาท\nขอบคุณ", 9, display_columns) == ["ราคา 120", "บาท", "ขอบคุณ"]


def test_a_one_letter_thai_abbreviation_stays_with_its_word() -> None:
    address = "ถ.หลักเมือง อ.เมือง จ.ศรีสะเกษ 33000"
    assert segments(address) == ["ถ.หลักเมือง ", "อ.เมือง ", "จ.ศรีสะเกษ ", "33000"]


def test_a_no_break_space_keeps_the_non_vat_mark_with_the_name() -> None:
    assert segments("ธัญพืชรวม\u00a0(N)")[-1].endswith("รวม\u00a0(N)")


@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=12), st.integers(0, 9))
def test_a_value_goes_beside_the_last_line_only_when_it_fits(words: list[str], digits: int) -> None:
    text, value = "".join(words), "1" * (digits + 1)
    lines, beside = wrap_beside(text, 20, display_columns(value), 1, display_columns)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
    assert all(display_columns(line) <= 20 for line in lines)
    if beside:
        assert display_columns(lines[-1]) + 1 + display_columns(value) <= 20
    full = wrap(text, 20, display_columns)
    assert lines[: len(full) - 1] == full[:-1]  # lines above the last keep the whole width
