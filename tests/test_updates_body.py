"""POST over HTTP with bad bodies (contract §9): a clear 400 or 413, never a 500."""

from __future__ import annotations

import socket
from pathlib import Path
from typing import Any

import orjson
import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.utils.dealers import LEADS_PATH, DealerClient, write_clients_file
from tests.utils.server import running_server
from tests.utils.updates import MINIMAL, dealer_updates, update

MIB = 1024 * 1024


def _post(dealer: DealerClient, body: bytes) -> Any:
    headers = {**dealer.headers, "Content-Type": "application/json"}
    return dealer.http.post(LEADS_PATH, content=body, headers=headers)


@pytest.mark.parametrize(
    ("body", "line", "column"),
    [
        (b'[{"leadId": "a",}]', 1, 17),
        (b'[\n  {"leadId": "a"\n   "x": 1}\n]', 3, 4),
        (b"[{'leadId': 'a'}]", 1, 3),
        (b'[{"a": 1}', 1, 10),
        (b"[1, 2", 1, 6),
    ],
)
def test_malformed_json_says_where(
    dealer: DealerClient, body: bytes, line: int, column: int
) -> None:
    response = _post(dealer, body)

    assert response.status_code == 400
    answer = response.json()
    assert (answer["line"], answer["column"]) == (line, column)
    assert f"line {line}, column {column}" in answer["message"]


@pytest.mark.parametrize(
    "body",
    [
        b'[{"leadId": "caf\xe9"}]',
        b'[{"leadId": "\xff"}]',
        b'[{"leadId": "\xed\xa0\x80"}]',
        "[1]".encode("utf-16"),
    ],
    ids=["latin-1", "0xff", "utf-8-surrogate", "utf-16"],
)
def test_non_utf8_is_refused(dealer: DealerClient, body: bytes) -> None:
    response = _post(dealer, body)

    assert response.status_code == 400
    assert "UTF" in response.json()["message"]


@pytest.mark.parametrize(
    ("body", "words"),
    [
        (b"[" * 40 + b"]" * 40, "nests deeper than 32 levels"),
        (b"[" * 100_000, "nests deeper than 32 levels"),
        (b'[{"a": ' * 20 + b"1" + b"}]" * 20, "nests deeper than 32 levels"),
        (b"[1e400]", "outside the range of a 64-bit float"),
        (b"[-1e400]", "outside the range of a 64-bit float"),
        (b"[1e-400]", "outside the range of a 64-bit float"),
        (b"[" + b"9" * 200 + b"]", "more than 100 digits"),
        (b"[NaN]", "is not a JSON number"),
        (b"[Infinity]", "is not a JSON number"),
        (b"[-Infinity]", "is not a JSON number"),
        (b'["\\ud800"]', "unpaired UTF-16 surrogate"),
        (b"", "the body is empty"),
        (b"   \n", "the body is empty"),
    ],
)
def test_absurd_bodies_are_a_400_that_says_why(
    dealer: DealerClient, body: bytes, words: str
) -> None:
    response = _post(dealer, body)

    assert response.status_code == 400
    assert words in response.json()["message"]


def test_numbers_of_odd_spelling_are_judged_by_value(
    http: TestClient, dealer: DealerClient
) -> None:
    (lead_id,) = dealer.seed(1, seed=71)
    body = orjson.dumps([update(lead_id, opportunityAmount=0)]).replace(
        b'"opportunityAmount":0', b'"opportunityAmount":1E2'
    )

    response = _post(dealer, body)

    assert response.status_code == 200, response.text
    assert dealer_updates(http, lead_id)[0]["values"]["opportunityAmount"] == "100.00"


def test_duplicate_keys_take_the_last_value(
    http: TestClient, dealer: DealerClient
) -> None:
    (lead_id,) = dealer.seed(1, seed=72)
    body = orjson.dumps([update(lead_id)]).replace(
        b'"leadStatus":"Accepted"', b'"leadStatus":"Rejected","leadStatus":"Accepted"'
    )

    response = _post(dealer, body)

    assert response.status_code == 200, response.text
    assert response.json()["updates"][0]["leadStatus"] == "Accepted"


def test_a_body_over_the_limit_is_a_413(dealer: DealerClient) -> None:
    body = b"[" + b" " * MIB + b"]"

    response = _post(dealer, body)

    assert response.status_code == 413
    assert response.json() == {
        "message": "Request body too large: the limit is 1048576 bytes."
    }


def test_a_chunked_body_over_the_limit_is_a_413(dealer: DealerClient) -> None:
    def chunks() -> Any:
        for _ in range(20):
            yield b" " * 65536
        yield b"[]"

    headers = {**dealer.headers, "Content-Type": "application/json"}

    response = dealer.http.post(LEADS_PATH, content=chunks(), headers=headers)

    assert response.status_code == 413


def test_a_413_comes_before_the_body_is_sent(tmp_path: Path) -> None:
    clients = write_clients_file(tmp_path / "clients.json")
    with running_server(tmp_path, "--clients-file", str(clients)) as server:
        with socket.create_connection(("127.0.0.1", server.port), timeout=30) as conn:
            head = (
                f"POST {LEADS_PATH} HTTP/1.1\r\nHost: x\r\n"
                "Content-Type: application/json\r\nAuthorization: Bearer x\r\n"
                f"Content-Length: {50 * MIB}\r\n\r\n["
            )
            conn.sendall(head.encode())

            # Only the head and one byte went out; a server waiting for the
            # other 50 MiB would never answer (the socket timeout fails it).
            status_line = conn.recv(4096).split(b"\r\n", 1)[0]

    assert status_line == b"HTTP/1.1 413 Request Entity Too Large"


# Fuzzing: whatever arrives, the answer is a JSON 200, 400 or 403 -------------

JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=30),
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(
            st.sampled_from([*MINIMAL, "leadId", "rating", "opportunityAmount", "x "])
            | st.text(max_size=10),
            inner,
            max_size=6,
        )
    ),
    max_leaves=20,
)


def _check_answer(response: Any) -> None:
    assert response.status_code in (200, 400, 403), response.text
    assert isinstance(response.json()["message"], str)


@given(item=JSON_VALUES)
@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
def test_any_json_item_gets_an_answer_not_a_500(
    dealer: DealerClient, item: object
) -> None:
    response = dealer.post_updates([item])

    _check_answer(response)


@given(
    fields=st.dictionaries(st.sampled_from(sorted(MINIMAL)), JSON_VALUES, max_size=5)
)
@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
def test_any_values_in_a_seeded_update_get_an_answer(
    dealer: DealerClient, fields: dict[str, object]
) -> None:
    response = dealer.post_updates([update("00QfuzzLead0000000", **fields)])

    _check_answer(response)


@given(raw=st.binary(max_size=300) | st.text(max_size=300).map(str.encode))
@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
def test_any_bytes_get_an_answer_not_a_500(dealer: DealerClient, raw: bytes) -> None:
    response = _post(dealer, raw)

    _check_answer(response)
