#!/usr/bin/env bash
# OTOP counter POS — set-up and start in one script (see README.md).
#
#   ./run.sh [--data-dir DIR]   install what is missing, create the store with the demo
#                               catalogue on first run, open the counter app
#   ./run.sh test [PYTEST ARGS] the same, plus the house rules: ruff (lint and format), mypy,
#                               lint-imports (the dependency contracts), then pytest; with no
#                               PYTEST ARGS the whole suite under coverage, held to the floors
#                               in tools/coverage_floors.py (a selection only runs its tests)
#   ./run.sh bench [ARGS]       the benchmarks in bench/
#
# A fresh Debian 12 may have nothing but bash and apt: missing Debian packages are installed
# with apt-get as root (or through sudo when it works without a password); otherwise the
# script stops and prints the one apt-get line to run.  Python packages go into .venv, which
# is reinstalled only when pyproject.toml changes.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

RUNTIME_DEBS=(
  python3 python3-venv                                   # the interpreter and venv/ensurepip
  libglib2.0-0 libegl1 libgl1 libx11-6 libdbus-1-3       # Qt, offscreen and on screen
  libfontconfig1 libfreetype6 libxkbcommon0
  libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0
  libxcb-render0 libxcb-shape0 libxcb-util1 libxcb-xkb1 libxkbcommon-x11-0
  libfribidi0                                            # Pillow lays Thai out with it
  libthai0                                               # Qt's Thai word breaks (receipt wrapping)
  libusb-1.0-0                                           # USB receipt printers (pyusb)
  alsa-utils                                             # aplay: the till's error sound
)
TEST_DEBS=(
  poppler-utils                                          # pdftoppm: PDFs rendered to PNG
  xvfb xauth                                             # a virtual screen for screenshots
  postgresql                                             # head-office tests start a throwaway one
)
VENV=.venv

say() { printf 'run.sh: %s\n' "$*" >&2; }

missing_debs() {
  command -v dpkg-query >/dev/null || return 0   # not Debian: trust the machine
  local pkg
  for pkg in "$@"; do
    dpkg-query -W -f='${db:Status-Status}' "$pkg" 2>/dev/null | grep -qx installed \
      || printf '%s\n' "$pkg"
  done
}

install_debs() {
  local missing
  mapfile -t missing < <(missing_debs "$@")
  [[ ${#missing[@]} -eq 0 ]] && return 0
  local apt=(env DEBIAN_FRONTEND=noninteractive apt-get)
  if [[ $(id -u) -ne 0 ]]; then
    if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
      apt=(sudo "${apt[@]}")
    else
      say "these Debian packages are missing; as root, run:"
      printf '\n  apt-get install -y --no-install-recommends %s\n\n' "${missing[*]}" >&2
      exit 1
    fi
  fi
  say "installing Debian packages: ${missing[*]}"
  "${apt[@]}" update -qq
  "${apt[@]}" install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

python_for_venv() {
  local candidate
  for candidate in "${OTOP_PYTHON:-}" python3 /usr/bin/python3; do
    [[ -n $candidate ]] || continue
    command -v "$candidate" >/dev/null || continue
    if "$candidate" -c 'import sys, venv, ensurepip; sys.exit(sys.version_info < (3, 11))' \
        2>/dev/null; then
      command -v "$candidate"; return 0
    fi
  done
  say "no Python 3.11 or newer with venv found"; exit 1
}

ensure_venv() {
  local extras=$1 stamp
  stamp="$(sha256sum pyproject.toml | cut -c1-16)-$extras"
  if [[ -f $VENV/.installed && $(cat "$VENV/.installed") == "$stamp" ]]; then
    return 0
  fi
  if [[ ! -x $VENV/bin/python ]]; then
    say "creating $VENV"
    "$(python_for_venv)" -m venv "$VENV"
  fi
  say "installing the project into $VENV (a few minutes the first time)"
  "$VENV/bin/python" -m pip install -q --upgrade pip
  "$VENV/bin/python" -m pip install -q -e ".$extras"
  echo "$stamp" > "$VENV/.installed"
}

run_tests() {
  install_debs "${RUNTIME_DEBS[@]}" "${TEST_DEBS[@]}"
  ensure_venv "[test]"
  export QT_QPA_PLATFORM=offscreen
  say "ruff"
  "$VENV/bin/ruff" check .
  "$VENV/bin/ruff" format --check .
  say "mypy"
  "$VENV/bin/mypy"
  say "lint-imports"
  "$VENV/bin/lint-imports" --no-cache
  if [[ $# -gt 0 ]]; then
    say "pytest $*"
    "$VENV/bin/pytest" "$@"
    return
  fi
  # the floors mean something only for the whole suite: a selection would fail them
  say "pytest, the whole suite with coverage"
  local report=$VENV/coverage.json
  COVERAGE_FILE=$VENV/.coverage "$VENV/bin/pytest" --cov --cov-report=
  COVERAGE_FILE=$VENV/.coverage "$VENV/bin/coverage" json -q -o "$report"
  say "coverage floors"
  "$VENV/bin/python" -m tools.coverage_floors "$report"
}

run_bench() {
  install_debs "${RUNTIME_DEBS[@]}" postgresql            # postgresql: the sync suite
  ensure_venv "[test]"
  QT_QPA_PLATFORM=offscreen "$VENV/bin/python" -m bench "$@"
}

run_app() {
  install_debs "${RUNTIME_DEBS[@]}"
  ensure_venv "[test]"
  "$VENV/bin/otop-pos" "$@" init --demo
  exec "$VENV/bin/otop-pos" "$@"
}

case "${1:-}" in
  test) shift; run_tests "$@" ;;
  bench) shift; run_bench "$@" ;;
  *) run_app "$@" ;;
esac
