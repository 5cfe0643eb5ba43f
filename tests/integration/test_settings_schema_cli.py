"""``otop-pos settings`` as a separate process on a real store: the values that broke the shop.

Each case found in issue 12 is typed at the real command line: it must be
refused with exit 1, one line naming the key and the allowed range, no
traceback, and the ``setting`` table byte for byte as before.  A bad value
already in the store (an older version, a hand edit) is read as its default
with a warning, so the counter still starts.  ``settings show`` prints what
each setting is for and allows, and stops quietly when its reader goes away.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from cli.main import main
from pos.bootstrap import open_context
from pos.settings.domain.schema import SCHEMA, SPECS
from pos.settings.domain.shop_settings import Settings
from tests.hq_server import PROJECT

STORE = "pos.sqlite3"


def run(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, str(PROJECT / "main.py"), "--data-dir", str(data_dir), *args]
    env = {**os.environ, "PYTHONPATH": str(PROJECT)}
    return subprocess.run(command, capture_output=True, text=True, timeout=60, env=env, cwd=PROJECT)


def setting_rows(data_dir: Path) -> list[tuple[str, str]]:
    with sqlite3.connect(data_dir / STORE) as connection:
        return list(connection.execute("SELECT key, value_json FROM setting ORDER BY key"))


@pytest.fixture
def store(tmp_path: Path) -> Path:
    data_dir = tmp_path / "store"
    assert main(["--data-dir", str(data_dir), "init"]) == 0
    return data_dir


@pytest.mark.parametrize(
    ("key", "value", "allowed"),
    [
        ("idle_lock_minutes", "1e9", "0-720"),
        ("terminal_id", "../etc", "1-16 capital letters or digits"),
        ("discount_limit_basis_points", "-500", "0-10000"),
        ("scanner_serial_baudrate", "-9600", "one of 1200, 2400"),
        ("receipt_printer", '{"baudrate": -9600}', "one of 1200, 2400"),
        ("label_printer", '{"port": 70000}', "1-65535"),
        ("schemes", "{}", "a list of scheme objects"),
        ("schemes", "[]", "--confirm-empty"),
        ("receipt_printer", '{"port": ', "an object"),
        ("schemes", '[{"code": "x"', "a list of scheme objects"),
        ("vat_schedule", '[["1999-04-01", "seven"]]', "basis points 0-10000"),
        ("receipt_header", '{"name": "OTOP\\u0000"}', "no control characters"),
        ("scanner_serial_port", "/dev/tty\x1bUSB0", "no control characters"),
        ("shift_rules", '{"day_starts_at": 4}', "HH:MM"),
    ],
)
def test_a_value_that_would_break_the_shop_is_refused_and_nothing_changes(
    store: Path, key: str, value: str, allowed: str
) -> None:
    before = setting_rows(store)
    result = run(store, "settings", "set", key, value)
    assert result.returncode == 1, result.stderr
    (line,) = result.stderr.splitlines()
    assert f"setting '{key}' has a bad value" in line and "allowed: " in line
    assert allowed in line and "nothing was changed" in line
    assert setting_rows(store) == before


def test_emptying_the_schemes_needs_confirm_empty(store: Path) -> None:
    result = run(store, "settings", "set", "schemes", "[]", "--confirm-empty")
    assert result.returncode == 0, result.stderr
    context = open_context(store)
    try:
        assert context.settings().schemes.schemes == ()
    finally:
        context.close()


def test_a_value_in_range_is_stored(store: Path) -> None:
    assert run(store, "settings", "set", "idle_lock_minutes", "720").returncode == 0
    assert run(store, "settings", "set", "terminal_id", "POS07").returncode == 0
    assert dict(setting_rows(store))["idle_lock_minutes"] == "720"


def test_a_bad_value_already_stored_is_the_default_with_a_warning(store: Path) -> None:
    with sqlite3.connect(store / STORE) as connection:
        for key, stored in (("idle_lock_minutes", "1e9"), ("terminal_id", '"../etc"')):
            connection.execute("UPDATE setting SET value_json = ? WHERE key = ?", (stored, key))
        connection.execute("UPDATE setting SET value_json = '{bad' WHERE key = 'sync'")
    result = run(store, "settings", "show")
    assert result.returncode == 0, result.stderr
    assert "idle_lock_minutes = 5" in result.stdout.splitlines()
    assert 'terminal_id = "POS01"' in result.stdout.splitlines()
    for key in ("idle_lock_minutes", "terminal_id", "sync"):
        assert key in result.stderr and "default is used" in result.stderr
    assert "Traceback" not in result.stderr
    context = open_context(store)  # what the counter app does at start
    try:
        settings = context.settings()
        assert settings.idle_lock_minutes == Settings().idle_lock_minutes
        assert settings.terminal_id == Settings().terminal_id
    finally:
        context.close()


def test_show_prints_each_setting_with_its_description_and_range(store: Path) -> None:
    result = run(store, "settings", "show")
    assert result.returncode == 0, result.stderr
    text = result.stdout
    for spec in SCHEMA:
        assert f"\n{spec.key} = " in f"\n{text}"
        assert spec.description_en in text and spec.description_th in text
        assert f"allowed: {spec.allowed}" in text
    assert "a whole number 0-720" in text and SPECS["schemes"].allowed in text


def test_show_into_a_closed_pipe_stops_quietly(store: Path) -> None:
    command = [sys.executable, str(PROJECT / "main.py"), "--data-dir", str(store)]
    env = {**os.environ, "PYTHONPATH": str(PROJECT)}
    with subprocess.Popen(
        [*command, "settings", "show"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        cwd=PROJECT,
    ) as reader:
        assert reader.stdout is not None and reader.stderr is not None
        reader.stdout.close()  # the reader went away before a line was written (| head -0)
        errors = reader.stderr.read().decode()
        assert reader.wait(timeout=60) == 141
    assert errors == ""


def test_show_piped_to_head_gives_the_first_line_only(store: Path) -> None:
    command = f"{sys.executable} main.py --data-dir {store} settings show | head -1"
    env = {**os.environ, "PYTHONPATH": str(PROJECT)}
    result = subprocess.run(
        ["bash", "-o", "pipefail", "-c", command],
        capture_output=True,
        text=True,
        env=env,
        cwd=PROJECT,
        timeout=60,
    )
    assert result.stdout == 'terminal_id = "POS01"\n'
    assert result.returncode in (0, 141) and "Traceback" not in result.stderr
