"""``otop-pos settings``: a setting is changed by name, checked, audited; a bad one is refused."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from cli.main import main
from pos.audit import AuditAction
from pos.bootstrap import open_context
from pos.clock import THAI_TIME


def test_a_setting_is_changed_and_recorded(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data_dir = str(tmp_path / "store")
    assert main(["--data-dir", data_dir, "init"]) == 0
    for key, value in (("scanner_serial_port", "/dev/ttyACM0"), ("customer_display", "false")):
        assert main(["--data-dir", data_dir, "settings", "set", key, value]) == 0
    capsys.readouterr()
    assert main(["--data-dir", data_dir, "settings", "show"]) == 0
    shown = capsys.readouterr().out.splitlines()
    assert 'scanner_serial_port = "/dev/ttyACM0"' in shown and "customer_display = false" in shown
    context = open_context(Path(data_dir))
    try:
        settings = context.settings()
        assert settings.scanner_serial_port == "/dev/ttyACM0" and not settings.customer_display
        with context.uow_factory() as uow:
            events = uow.audit.between(
                dt.datetime(2000, 1, 1, tzinfo=THAI_TIME), dt.datetime(2100, 1, 1, tzinfo=THAI_TIME)
            )
        assert [e.detail["key"] for e in events if e.action is AuditAction.SETTINGS_CHANGED] == [
            "scanner_serial_port",
            "customer_display",
        ]
    finally:
        context.close()


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        ("idle_lock_minutes", "soon", "'idle_lock_minutes' has a bad value"),
        ("customer_display", "yes", "'customer_display' has a bad value"),
        ("scaner_port", "/dev/ttyS0", "there is no setting 'scaner_port'"),
    ],
)
def test_a_bad_setting_is_refused_by_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], key: str, value: str, message: str
) -> None:
    data_dir = str(tmp_path / "store")
    assert main(["--data-dir", data_dir, "init"]) == 0
    assert main(["--data-dir", data_dir, "settings", "set", key, value]) == 1
    error = capsys.readouterr().err
    assert message in error and "nothing was changed" in error


def test_emptying_the_schemes_in_process_needs_confirm_empty(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The subprocess tests (test_settings_schema_cli.py) in-process too, so coverage sees them."""
    data_dir = str(tmp_path / "store")
    assert main(["--data-dir", data_dir, "init"]) == 0
    assert main(["--data-dir", data_dir, "settings", "set", "schemes", "[]"]) == 1
    assert "--confirm-empty" in capsys.readouterr().err
    assert (
        main(["--data-dir", data_dir, "settings", "set", "schemes", "{}", "--confirm-empty"]) == 1
    )
    assert "a list of scheme objects" in capsys.readouterr().err
    assert (
        main(["--data-dir", data_dir, "settings", "set", "schemes", "[]", "--confirm-empty"]) == 0
    )
    assert main(["--data-dir", data_dir, "settings", "show"]) == 0
    shown = capsys.readouterr().out
    assert "schemes = []" in shown.splitlines()
    assert "    allowed: a whole number 0-720 (minutes; 0 = never lock)" in shown.splitlines()


@pytest.mark.parametrize(
    ("key", "value", "problem"),
    [
        ("sync", "[" * 50_000, "nested too deeply"),
        ("sync", '{"hq_url": "http://x",', "not valid JSON"),
        ("schemes", "[" * 900 + "]" * 900, "item 1, [[[[[[[[[[[["),
        ("sync", '{"a": 1e999}', "is inf"),
        ("commission", f'{{"by_producer": {{"x": {2**64}}}}}', "too large"),
    ],
)
def test_json_that_cannot_be_stored_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], key: str, value: str, problem: str
) -> None:
    data_dir = str(tmp_path / "store")
    assert main(["--data-dir", data_dir, "init"]) == 0
    assert main(["--data-dir", data_dir, "settings", "set", key, value]) == 1
    assert problem in capsys.readouterr().err
