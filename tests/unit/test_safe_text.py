"""pos.text: the one rule for what text the counter accepts, tried on generated text."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pos.text import (
    Problem,
    TextKind,
    TextRefusedError,
    _character_problem,  # the rule itself, character by character
    check_text,
    is_acceptable,
    text_problem,
)

KINDS = st.sampled_from(list(TextKind))
# Thai, Latin and digits: what a shop types every day, none of it refused.
ORDINARY = st.text(
    st.characters(
        whitelist_categories=("L", "M", "N", "P", "S", "Zs"),
        blacklist_characters="\u2028\u2029",
    ),
    max_size=40,
)
BAD_CONTROLS = [chr(c) for c in (*range(0x01, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F)]
BAD_CONTROLS += [chr(c) for c in range(0x80, 0xA0)]


@given(ORDINARY, KINDS)
def test_ordinary_text_within_the_length_is_taken_unchanged(text: str, kind: TextKind):
    text = text[: kind.max_length]
    assert check_text(text, kind) == text
    assert is_acceptable(text, kind)


def test_thai_with_its_marks_and_zero_width_space_is_ordinary():
    name = "ผ้าไหมมัดหมี่\u200bลายลูกแก้ว ๑๒๓ ฿1,250.00"
    assert check_text(name, TextKind.NAME) == name


@given(ORDINARY, ORDINARY, KINDS)
def test_a_nul_anywhere_is_refused_and_its_place_named(before: str, after: str, kind: TextKind):
    problem = text_problem(before + "\x00" + after, kind, "name_th", "ชื่อภาษาไทย")
    assert problem is not None
    assert problem.problem is Problem.NUL
    assert problem.position == len(before) + 1
    assert "name_th" in problem.message_en() and "NUL" in problem.message_en()
    assert "ชื่อภาษาไทย" in problem.message_th()


@given(ORDINARY, st.integers(0xD800, 0xDFFF), KINDS)
def test_a_lone_surrogate_is_refused(before: str, code: int, kind: TextKind):
    problem = text_problem(before + chr(code), kind)
    assert problem is not None and problem.problem is Problem.SURROGATE
    assert f"U+{code:04X}" in str(problem)


@given(ORDINARY, st.sampled_from(BAD_CONTROLS), KINDS)
def test_control_characters_are_refused_in_every_kind(before: str, control: str, kind: TextKind):
    problem = text_problem(before + control, kind)
    assert problem is not None
    assert problem.problem in (Problem.CONTROL, Problem.LINE_BREAK)
    assert problem.position == len(before) + 1


@given(st.sampled_from(["\n", "\r", "\r\n", "\u2028"]), KINDS)
def test_line_breaks_only_where_the_kind_has_lines(newline: str, kind: TextKind):
    text = "บรรทัดแรก" + newline + "line two"
    problem = text_problem(text, kind)
    if kind.rules.multiline:
        assert problem is None
    else:
        assert problem is not None and problem.problem is Problem.LINE_BREAK


@given(KINDS)
def test_tab_only_where_the_kind_allows_it(kind: TextKind):
    problem = text_problem("a\tb", kind)
    assert (problem is None) == kind.rules.tab
    if problem is not None:
        assert problem.problem is Problem.TAB


@given(KINDS, st.integers(0, 3))
def test_the_length_limit_is_exact(kind: TextKind, over: int):
    assert is_acceptable("ก" * kind.max_length, kind)
    if over:
        problem = text_problem("ก" * (kind.max_length + over), kind)
        assert problem is not None and problem.problem is Problem.TOO_LONG
        assert f"{kind.max_length:,}" in problem.english
        assert f"{kind.max_length:,}" in problem.thai


def test_a_character_problem_is_named_before_the_length():
    problem = text_problem("x" * 131_073 + "\x00", TextKind.NAME)
    assert problem is not None and problem.problem is Problem.NUL


@given(st.text(max_size=60), KINDS)
def test_what_is_taken_can_be_encoded_and_has_no_control_but_allowed_ones(
    text: str, kind: TextKind
):
    """The property the head office relies on: accepted text is UTF-8 and NUL-free."""
    if not is_acceptable(text, kind):
        with pytest.raises(TextRefusedError):
            check_text(text, kind)
        return
    text.encode("utf-8")
    allowed = ({"\t"} if kind.rules.tab else set()) | (
        {"\n", "\r"} if kind.rules.multiline else set()
    )
    assert all(unicodedata.category(c) != "Cc" or c in allowed for c in text)
    assert len(text) <= kind.max_length


def test_the_message_names_the_field_in_both_languages():
    with pytest.raises(TextRefusedError) as refused:
        check_text("ร้าน\x07", TextKind.REASON)
    message = str(refused.value)
    assert message.startswith("reason: contains a control character (U+0007) at character 5")
    assert "เหตุผล: มีอักขระควบคุม (U+0007)" in message
    assert refused.value.problem.field_en == "reason"


def test_a_field_named_only_in_english_uses_that_name_in_thai_too():
    problem = text_problem("\x00", TextKind.CODE, "price")
    assert problem is not None
    assert problem.message_th().startswith("price: ")


# any code point, surrogates too, with the characters some kind refuses or allows drawn often
ANY_CHARACTER = st.characters(exclude_categories=()) | st.sampled_from(
    list("\x00\t\n\r\x1b\x7f\x85\x9f\u2028\u2029\ud800\udfff\u200b")
)


@given(st.text(ANY_CHARACTER, max_size=1100), st.sampled_from(list(TextKind)))
def test_the_fast_path_judges_as_the_character_by_character_rule(text: str, kind: TextKind):
    """The regex that skips clean text must never skip a character the rule refuses."""
    problems = [
        (index + 1, problem)
        for index, character in enumerate(text)
        if (problem := _character_problem(character, kind.rules)) is not None
    ]
    found = text_problem(text, kind)
    if problems:
        assert found is not None and (found.position, found.problem) == problems[0]
    elif len(text) > kind.max_length:
        assert found is not None and found.problem is Problem.TOO_LONG
    else:
        assert found is None
