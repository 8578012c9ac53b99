"""Shared helpers of the lode binding tests (stdlib only, so unittest and pytest both run them)."""

from __future__ import annotations

import json
import tempfile
import unittest
from typing import Any, Dict, Optional

import lode


def message(
    aggregate_id: str = "1",
    name: str = "FundsDeposited",
    aggregate_name: str = "BankAccount",
    sequence_number: Optional[int] = None,
    **kwargs: Any,
) -> Dict[str, Any]:
    """An EventMessage dict for the tests."""
    body = kwargs.pop("body", {"Amount": 10})
    return lode.create_message(
        body,
        name=name,
        aggregate_name=aggregate_name,
        aggregate_id=aggregate_id,
        sequence_number=sequence_number,
        **kwargs,
    )


def raw_message(message_id: str, name: str = "X", extra_context: str = "") -> bytes:
    """A hand-written EventMessage (compact JSON) with a chosen id."""
    return (
        '{"Event":{"$type":"%s"},"Metadata":{"Message":{"Id":"%s","Name":"%s","Version":1,'
        '"Domain":{"Id":"1","Name":"A"}},"Context":{"UserId":"u"%s}}}' % (name, message_id, name, extra_context)
    ).encode()


class StoreTest(unittest.TestCase):
    """A fresh store directory and provider per test."""

    provider_options: Dict[str, Any] = {}

    def setUp(self) -> None:
        self._dir = tempfile.TemporaryDirectory()
        self.path = self._dir.name
        self.provider = lode.EventStoreProvider(self.path, **self.provider_options)

    def tearDown(self) -> None:
        self.provider.close()
        self._dir.cleanup()

    def open(self, name: str = "BankAccount", id: str = "1", **kwargs: Any) -> lode.EventStore:
        store = self.provider.open_store(name, id, **kwargs)
        self.addCleanup(store.free)
        return store

    def log_count(self) -> int:
        return len(self.provider.read_log(0, 1_000_000))

    @staticmethod
    def seq(messages: Any) -> list:  # type: ignore[type-arg]
        return [m.sequence_number for m in messages]

    @staticmethod
    def parsed(raw: bytes) -> Any:
        return json.loads(raw)
