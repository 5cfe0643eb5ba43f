"""The co-pay schemes page on a real store: add a phase, edit caps, end one, refuse an overlap."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton
from pytestqt.qtbot import QtBot

from pos.audit import AuditAction
from pos.bootstrap import AppContext
from pos.clock import THAI_TIME, FakeClock
from pos.ids import UserId
from pos.sale.domain.schemes import SchemePhase
from ui.i18n import ENGLISH, THAI, set_language
from ui.scheme_settings import SchemesPage

MANAGER = UserId(2)  # the demo store's manager


def switch(language: str) -> None:
    """F9's language switch: Qt posts LanguageChange, delivered when events are processed."""
    set_language(language)
    QApplication.processEvents()


TODAY = dt.date(2026, 12, 4)
KLK = "khon_la_khrueng"


@pytest.fixture
def page(qtbot: QtBot, demo_context: AppContext) -> SchemesPage:
    set_language(THAI)
    clock = FakeClock(dt.datetime(2026, 12, 4, 10, 0, tzinfo=THAI_TIME))
    shown = SchemesPage(demo_context, MANAGER, clock=clock)
    qtbot.addWidget(shown)
    shown.resize(760, 600)
    shown.show()
    return shown


def click(qtbot: QtBot, button: QPushButton) -> None:
    assert button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def type_phase(page: SchemesPage, name: str, starts: str, ends: str, cap: str) -> None:
    for field, text in zip(
        (page.phase_name, page.starts, page.ends, page.phase_cap),
        (name, starts, ends, cap),
        strict=True,
    ):
        field.setText(text)


def stored_phases(context: AppContext, code: str = KLK) -> dict[str, SchemePhase]:
    return {p.name: p for p in context.settings().schemes.get(code).phases}


def schemes_audits(context: AppContext) -> list[UserId | None]:
    with context.uow_factory() as uow:
        events = uow.audit.between(dt.datetime(2000, 1, 1, tzinfo=dt.UTC), dt.datetime.now(dt.UTC))
    changes = [e for e in events if e.action is AuditAction.SETTINGS_CHANGED]
    return [e.user_id for e in changes if e.detail["key"] == "schemes"]


def test_a_new_phase_typed_in_buddhist_era_and_baht_is_added_and_saved(
    qtbot: QtBot, page: SchemesPage, demo_context: AppContext
) -> None:
    assert page.code == KLK and page.table.rowCount() == 5
    assert page.table.item(0, 1).text() == "1 ต.ค. 2563"  # Buddhist era in Thai
    click(qtbot, page.new_phase_button)
    type_phase(page, "6", "01/01/2570", "31/03/2570", "1,000")
    click(qtbot, page.apply_button)
    assert page.table.rowCount() == 6 and page.table.item(5, 4).text() == "ยังไม่เริ่ม"
    assert page.save()
    assert stored_phases(demo_context)["6"] == SchemePhase(
        "6", dt.date(2027, 1, 1), dt.date(2027, 3, 31), 100_000
    )
    assert schemes_audits(demo_context) == [MANAGER]


def test_caps_typed_in_baht_are_kept_in_satang(
    qtbot: QtBot, page: SchemesPage, demo_context: AppContext
) -> None:
    page.table.selectRow(4)
    assert page.phase_title.text() == "ระยะที่ 5" and page.phase_name.isReadOnly()
    page.phase_cap.setText("900")
    page.cap_per_day.setText("200.50")
    page.share.setText("60")
    assert page.save()  # what is still in the form is applied by saving
    scheme = demo_context.settings().schemes.get(KLK)
    assert scheme.cap_per_person_per_day_satang == 20_050
    assert scheme.government_share_basis_points == 6000
    assert stored_phases(demo_context)["5"].cap_per_person_satang == 90_000
    page.table.selectRow(4)
    page.phase_cap.clear()  # empty: no cap
    assert page.save() and stored_phases(demo_context)["5"].cap_per_person_satang is None


def test_a_running_phase_is_ended_today_and_kept(
    qtbot: QtBot, page: SchemesPage, demo_context: AppContext
) -> None:
    click(qtbot, page.new_phase_button)
    type_phase(page, "6", "01/12/2569", "31/01/2570", "")
    click(qtbot, page.apply_button)
    assert page.phase == "6" and page.table.item(5, 4).text() == "กำลังใช้"
    assert not page.remove_button.isEnabled()  # started: sales may have used it
    click(qtbot, page.end_button)
    assert page.table.item(5, 2).text() == "4 ธ.ค. 2569"
    assert page.save()
    assert stored_phases(demo_context)["6"].ends == TODAY
    page.table.selectRow(5)
    assert not page.end_button.isEnabled() and not page.remove_button.isEnabled()


def test_an_overlapping_phase_is_refused_naming_the_field_and_nothing_is_saved(
    qtbot: QtBot, page: SchemesPage, demo_context: AppContext
) -> None:
    before = demo_context.settings().schemes
    click(qtbot, page.new_phase_button)
    type_phase(page, "6", "15/10/2565", "31/12/2565", "800")
    click(qtbot, page.apply_button)
    assert page.error.text() == "วันแรก: ซ้อนกับระยะที่ 5"
    assert page.starts.property("refused") is True and page.starts.hasFocus()
    assert page.table.rowCount() == 5
    assert not page.save()
    set_language(ENGLISH)
    assert not page.save() and page.error.text() == "First day: overlaps phase 5"
    page.starts.setText("01/11/2022")
    page.ends.setText("31/13/2022")
    assert not page.save()
    assert page.error.text() == "Last day: is not a date (write e.g. 31/12/2026)"
    assert page.starts.property("refused") is False and page.ends.property("refused") is True
    page.ends.setText("2022-10-31")
    assert not page.save() and page.error.text() == "Last day: is before the first day"
    assert demo_context.settings().schemes == before and schemes_audits(demo_context) == []


def test_a_phase_still_to_come_can_be_removed_and_a_new_scheme_added(
    qtbot: QtBot, page: SchemesPage, demo_context: AppContext
) -> None:
    click(qtbot, page.new_phase_button)
    type_phase(page, "6", "01/01/2570", "31/01/2570", "")
    click(qtbot, page.apply_button)
    click(qtbot, page.remove_button)
    assert page.table.rowCount() == 5
    click(qtbot, page.scheme_buttons.button(1000))  # new scheme
    assert page.code is None and not page.code_field.isReadOnly()
    page.code_field.setText("khon_la_khrueng_plus")
    page.name_th.setText("คนละครึ่งพลัส")
    page.share.setText("60")
    page.cap_per_day.setText("200")
    type_phase(page, "1", "01/01/2570", "31/03/2570", "2,000")
    assert page.save()
    plus = demo_context.settings().schemes.get("khon_la_khrueng_plus")
    assert (plus.name_th, plus.government_share_basis_points) == ("คนละครึ่งพลัส", 6000)
    assert plus.phases == (SchemePhase("1", dt.date(2027, 1, 1), dt.date(2027, 3, 31), 200_000),)
    assert "6" not in stored_phases(demo_context)
    assert page.title() == "โครงการรัฐร่วมจ่าย"


def test_the_page_changes_language_and_keeps_what_is_typed(
    qtbot: QtBot, page: SchemesPage, demo_context: AppContext
) -> None:
    click(qtbot, page.new_phase_button)
    type_phase(page, "6", "01/01/2570", "", "")
    switch(ENGLISH)
    assert page.table.item(0, 1).text() == "1 Oct 2020" and page.end_button.text() == "End today"
    assert page.starts.text() == "01/01/2570" and page.phase_title.text() == "New phase"
    page.ends.setText("31/01/2027")  # either era is read, whatever the language
    assert page.save()
    assert stored_phases(demo_context)["6"].starts == dt.date(2027, 1, 1)
    switch(THAI)
    assert page.table.item(5, 2).text() == "31 ม.ค. 2570" and page.phase_title.text() == "ระยะที่ 6"


@pytest.mark.parametrize("language", [THAI, ENGLISH])
def test_the_page_fits_the_settings_screens_page_area_without_scrolling(
    qtbot: QtBot, page: SchemesPage, language: str
) -> None:
    switch(language)
    body = page.scroll_area.widget()
    assert body.minimumSizeHint().width() <= 760 and body.sizeHint().height() <= 600
    buttons = [page.new_phase_button, page.end_button, page.remove_button, page.apply_button]
    assert all(button.height() >= 48 for button in buttons)  # a fingertip


def test_more_schemes_wrap_onto_a_second_row_of_buttons(
    qtbot: QtBot, page: SchemesPage, demo_context: AppContext
) -> None:
    for number in (1, 2):
        click(qtbot, page.scheme_buttons.button(1000))
        page.code_field.setText(f"province_scheme_{number}")
        page.name_th.setText(f"โครงการของจังหวัดศรีสะเกษ {number}")
        type_phase(page, "1", "01/01/2570", "31/03/2570", "")
        assert page.apply()
    assert len(page.scheme_buttons.buttons()) == 6
    assert page.scroll_area.widget().minimumSizeHint().width() <= 760
    assert page.save() and len(demo_context.settings().schemes.schemes) == 5
