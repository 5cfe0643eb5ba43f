"""Hostile query values on the feed and report endpoints: a 4xx naming the parameter, never a 500.

Hypothesis puts one hostile value into one parameter of an otherwise good
request, on a real PostgreSQL database: NUL and other control characters,
lone surrogates (sent as the bytes they would be in UTF-8: the server reads
them as U+FFFD), bytes that are no UTF-8 at all, integers far past bigint,
long strings, far dates.  The app runs in process with the test client
raising whatever reaches the catch-all (hq.api.errors), so one request that
would have been a 500 fails the test with its own traceback.  Each answer is
200 (the value happened to be good), 404 for a terminal that does not exist,
or 422 whose ``detail`` names the parameter in ``loc``.  Hostile tokens get
401.
"""

from __future__ import annotations

import urllib.parse
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hq.api.app import create_app
from hq.bootstrap import HqContext
from hq.services.staff import add_staff
from hq.services.terminals import add_terminal

pytestmark = [pytest.mark.postgres]

GOOD = {"from": "2024-01-01", "to": "2024-01-31", "cursor": "0", "limit": "10"}
TARGETS = [
    ("/v1/catalogue/changes", "terminal", ("cursor", "limit")),
    ("/v1/reports/z", "staff", ("from", "to", "terminal")),
    ("/v1/reports/sales", "staff", ("from", "to", "terminal")),
    ("/v1/reports/schemes", "staff", ("from", "to", "terminal")),
]
HOSTILE = settings(
    max_examples=60,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def _utf8(text: str) -> bytes:
    return text.encode("utf-8", "surrogatepass")  # a lone surrogate as the bytes ED A0 80


hostile_values = st.one_of(
    st.text(min_size=0, max_size=40).map(_utf8),
    st.text(st.characters(codec=None, categories=["Cc", "Cs"]), min_size=1, max_size=8).map(_utf8),
    st.sampled_from(["\x00", "a\x00b", "POS01\x00", "\ud800", "POS01\n", "２０２４"]).map(_utf8),
    st.integers(min_value=2**63 - 2, max_value=10**40).map(lambda n: str(n).encode()),
    st.integers(max_value=-1).map(lambda n: str(n).encode()),
    st.binary(min_size=1, max_size=16),  # not UTF-8 at all, mostly
    st.integers(min_value=100, max_value=20_000).map(lambda n: b"9" * n),
    st.sampled_from([b"0001-01-01", b"9999-12-31", b"2567-01-01", b"2024-02-30", b"1e9", b""]),
)


@pytest.fixture
def tokens(hq_context: HqContext) -> dict[str, str]:
    terminal = add_terminal(hq_context.uow_factory, hq_context.clock, "POS01").token
    staff = add_staff(hq_context.uow_factory, hq_context.clock, "Som")
    return {"terminal": f"Bearer {terminal}", "staff": f"Bearer {staff}"}


@pytest.fixture
def client(hq_context: HqContext) -> Iterator[TestClient]:
    # raise_server_exceptions: a request that reaches the catch-all fails the test loudly
    with TestClient(create_app(hq_context), raise_server_exceptions=True) as test_client:
        yield test_client


def query(values: dict[str, bytes]) -> str:
    return "&".join(
        f"{urllib.parse.quote(name)}={urllib.parse.quote_from_bytes(value, safe='')}"
        for name, value in values.items()
    )


def assert_named(response: object, location: str, name: str) -> None:
    body = response.json()  # type: ignore[attr-defined]
    assert body["error"] == "invalid_request" and body["retry"] is False, body
    assert [location, name] in [problem["loc"] for problem in body["detail"]], body


@given(target=st.sampled_from(TARGETS), data=st.data(), value=hostile_values)
@HOSTILE
def test_a_hostile_query_value_gets_a_4xx_naming_its_parameter(
    client: TestClient,
    tokens: dict[str, str],
    target: tuple[str, str, tuple[str, ...]],
    data: st.DataObject,
    value: bytes,
) -> None:
    path, role, parameters = target
    parameter = data.draw(st.sampled_from(parameters))
    values = {name: GOOD[name].encode() for name in parameters if name != "terminal"}
    values[parameter] = value
    response = client.get(f"{path}?{query(values)}", headers={"Authorization": tokens[role]})
    assert response.headers["content-type"] == "application/json"
    if response.status_code == 422:
        assert_named(response, "query", parameter)
    elif response.status_code == 404:
        assert parameter == "terminal", response.text
        assert response.json()["error"] == "not_found"
    else:
        assert response.status_code == 200, response.text


@given(name=hostile_values)
@HOSTILE
def test_a_hostile_report_name_gets_a_422_naming_it(
    client: TestClient, tokens: dict[str, str], name: bytes
) -> None:
    quoted = urllib.parse.quote_from_bytes(name, safe="")
    response = client.get(
        f"/v1/reports/{quoted}?{query({'from': b'2024-01-01', 'to': b'2024-01-02'})}",
        headers={"Authorization": tokens["staff"]},
    )
    if name in (b"sales", b"producers", b"tenders", b"schemes", b"z"):
        assert response.status_code == 200
    elif b"/" in name or name in (b"", b".", b".."):
        assert response.status_code == 404  # another path altogether
    else:
        assert response.status_code == 422, response.text
        assert_named(response, "path", "name")


@given(
    token=st.text(st.characters(min_codepoint=0x20, max_codepoint=0xFF), max_size=300),
    path=st.sampled_from(["/v1/terminal", "/v1/catalogue/changes", "/v1/reports/z"]),
)
@HOSTILE
def test_a_hostile_token_gets_401(
    client: TestClient, tokens: dict[str, str], token: str, path: str
) -> None:
    headers = {"Authorization": f"Bearer {token}".encode("latin-1")}
    response = client.get(path, params={"from": "2024-01-01", "to": "2024-01-02"}, headers=headers)
    # Every example comes from the test client's one address: after five failures the PIN
    # policy locks it out (429, to be tried again later) instead of answering 401.
    assert response.status_code in (401, 429), response.text
    expected = ("unauthorised", False) if response.status_code == 401 else ("locked_out", True)
    assert (response.json()["error"], response.json()["retry"]) == expected


def test_the_ten_year_rule_and_a_reversed_period_name_the_end(
    client: TestClient, tokens: dict[str, str]
) -> None:
    for start, end in (("2024-01-31", "2024-01-01"), ("2000-01-01", "2099-12-31")):
        response = client.get(
            "/v1/reports/sales",
            params={"from": start, "to": end},
            headers={"Authorization": tokens["staff"]},
        )
        assert response.status_code == 422
        assert_named(response, "query", "to")


def test_a_bug_is_answered_as_json_500_and_logged(
    hq_context: HqContext, caplog: pytest.LogCaptureFixture
) -> None:
    app = create_app(hq_context)

    @app.get("/v1/broken")
    def broken() -> None:
        raise KeyError("a bug")

    with TestClient(app, raise_server_exceptions=False) as client:
        response = client.get("/v1/broken")
    assert response.status_code == 500
    assert response.headers["content-type"] == "application/json"
    assert response.json()["error"] == "internal_error" and response.json()["retry"] is False
    assert "KeyError" not in response.text  # what went wrong is for the log, not the client
    assert "500 on GET /v1/broken: KeyError" in caplog.text
