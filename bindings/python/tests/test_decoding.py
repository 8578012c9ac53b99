"""Decoding what the library returns (B-RD-6, R-BAD-6): a failure is the binding's
EventStoreSerializationError, chained to the decoder's error, never RecursionError, ValueError,
JSONDecodeError or UnicodeDecodeError; one message Python cannot decode never spoils a query.

The library refuses messages nested deeper than 64 levels, so a buffer with a deeper one can
only come from an older store; the tests below craft such buffers from real library output
and decode them through the binding's own code paths."""

from __future__ import annotations

import json
import logging
from typing import List, Tuple

import lode
from lode import _native, store as store_module
from lode.messages import parse_message_array
from support import StoreTest, message

DEEP = 200_000  # past the JSON decoder's depth limit of every Python version (3.13 parses 5,000 levels)


def deep_message(message_id: str = "deep", depth: int = DEEP) -> bytes:
    """An EventMessage whose Event nests arrays ``depth`` levels below the outer object."""
    return (
        b'{"Event":' + b"[" * (depth - 1) + b"]" * (depth - 1) + b',"Metadata":{"Message":{"Id":"'
        + message_id.encode() + b'","Name":"Deep","Domain":{"Id":"1","Name":"A"}},"Context":{"SequenceNumber":1}}}'
    )


def replace_span(data: bytes, spans: List[Tuple[int, int]], index: int, new: bytes) -> Tuple[bytes, List[Tuple[int, int]]]:
    """``data`` with message ``index`` replaced by ``new``, and the offsets moved to match."""
    start, end = spans[index]
    shift = len(new) - (end - start)
    moved = [(s, e) if i < index else (s + shift, e + shift) for i, (s, e) in enumerate(spans)]
    moved[index] = (start, start + len(new))
    return data[:start] + new + data[end:], moved


class DecodingTest(StoreTest):
    def assert_serialization(self, error: BaseException, cause: type, key_part: str) -> None:
        self.assertIsInstance(error, lode.EventStoreSerializationError)
        assert isinstance(error, lode.EventStoreSerializationError)
        self.assertIsInstance(error.__cause__, cause)
        self.assertIn(key_part, error.key or "")
        self.assertTrue(error.reason)
        self.assertEqual((error.code, error.kind), (11, "Serialization"))

    def fill(self) -> lode.EventStore:
        store = self.open()
        store.add([message(), message()])
        return store

    def test_r_bad_6_a_deep_message_in_a_query_result_spoils_only_itself(self) -> None:
        """R-BAD-6, B-RD-6: read_log, events_by_type, stream_events_since decode the records
        without their messages; a message too deep for Python raises EventStoreSerializationError
        (naming the query and log position, chained to RecursionError) when used, and only it."""
        self.fill()
        native = self.provider._native
        for name, args in (("lode_provider_read_log", (0, 10)),
                           ("lode_provider_events_by_type", (b"FundsDeposited", 14, -1, 0, 10)),
                           ("lode_provider_stream_events_since", (None, 0, b"BankAccount", 11, b"1", 1, 0, 10))):
            with self.subTest(call=name):
                data, spans = native.call_messages(name, self.provider._handle, *args)
                data, spans = replace_span(data, spans, 0, deep_message())
                records = store_module._records(data, spans, name)
                self.assertEqual([r.position for r in records], [1, 2])
                self.assertEqual(records[0].message.raw, deep_message())
                with self.assertRaises(lode.EventStoreSerializationError) as cm:
                    records[0].message.event
                self.assert_serialization(cm.exception, RecursionError, "log position 1")
                self.assertIn(name, cm.exception.key or "")
                self.assertEqual(records[1].message.event["Amount"], 10)  # the others are fine
                self.assertIn("EventMessage(raw=", repr(records[0].message))

    def test_r_bad_6_a_deep_message_in_a_read_spoils_only_itself(self) -> None:
        """R-BAD-6: get/get_to/get_slice return messages parsed lazily; the deep one raises the
        serialization error naming the read and its index; to_dict as well."""
        store = self.fill()
        data, spans = store._native.call_messages("lode_store_read", store._handle, False)
        data, spans = replace_span(data, spans, 1, deep_message())
        got = store_module._messages(data, spans, "get() of store 'EventStores/BankAccount/1'")
        self.assertEqual(got[0].sequence_number, 1)
        for use in (lambda: got[1].event, lambda: got[1].metadata, lambda: got[1].sequence_number, got[1].to_dict):
            with self.assertRaises(lode.EventStoreSerializationError) as cm:
                use()
            self.assert_serialization(cm.exception, RecursionError, "message 1 of get() of store 'EventStores/BankAccount/1'")
        self.assertEqual(got[1].raw, deep_message())

    def test_r_bad_6_snapshot_all_input_that_cannot_be_decoded(self) -> None:
        """R-BAD-6: what the library hands the snapshot function is split by the binding; too
        deep, not UTF-8, not JSON or not an array of objects: EventStoreSerializationError with
        the version, chained to the decoder's error."""
        where = "the read of store 'a/b/c' at version 4 for snapshot_all"
        good = b"[" + lode.to_json_bytes(message()) + b"]"
        cases = [(b"[" + deep_message() + b"]", RecursionError), (b"[\xff]", UnicodeDecodeError),
                 (b"[{", json.JSONDecodeError), (b"{}", ValueError), (b"[" + good, ValueError)]
        for data, cause in cases:
            with self.subTest(data=data[:20]):
                with self.assertRaises(lode.EventStoreSerializationError) as cm:
                    parse_message_array(data, where, 4)
                self.assert_serialization(cm.exception, cause, where)
                self.assertEqual(cm.exception.version, 4)
        with self.assertRaises(lode.EventStoreSerializationError) as cm:
            parse_message_array(b"[" + lode.to_json_bytes(message()) + b",[1]]", where, 4)
        self.assertIn("message 1 of", cm.exception.key or "")
        self.assertEqual(len(parse_message_array(good, where, 4)), 1)

    def test_error_details_that_cannot_be_decoded(self) -> None:
        """Error details from the library that are not a JSON object become a serialization error
        that keeps the library's message and code, chained to the decoder's error."""
        for details, cause in ((b"[" * DEEP, RecursionError), (b"{nope", json.JSONDecodeError),
                               (b"\xff\xfe", json.JSONDecodeError), (b"[1]", type(None))):
            with self.subTest(details=details[:10]):
                e = _native.error_from_parts(1, b"Version mismatch in store 'a/b/c'.", details)
                self.assertIsInstance(e, lode.EventStoreSerializationError)
                self.assertIn("Version mismatch in store 'a/b/c'.", str(e))
                self.assertEqual((e.details["error_code"], e.key), (1, "the details of a lode error"))
                self.assertIsInstance(e.__cause__, cause)
        ok = _native.error_from_parts(6, b"m", b'{"kind":"StreamVersionNotFound","version":3}')
        self.assertIsInstance(ok, lode.StreamVersionNotFoundException)
        self.assertIsNone(ok.__cause__)

    def test_records_command_records_and_versions_of_the_wrong_shape(self) -> None:
        """Records, command records and snapshot versions that are not what the ABI documents
        are serialization errors naming what, never KeyError or TypeError."""
        self.fill()
        data, spans = self.provider._native.call_messages("lode_provider_read_log", self.provider._handle, 0, 10)
        envelope_broken = data.replace(b'"Position":2,', b"", 1)
        shift = len(data) - len(envelope_broken)
        moved = [spans[0], (spans[1][0] - shift, spans[1][1] - shift)]
        with self.assertRaises(lode.EventStoreSerializationError) as cm:
            store_module._records(envelope_broken, moved, "read_log(0, 10)")
        self.assert_serialization(cm.exception, KeyError, "record 1 of read_log(0, 10)")
        with self.assertRaises(lode.EventStoreSerializationError) as cm:  # offsets off by one
            store_module._records(data, [(s + 1, e) for s, e in spans], "read_log(0, 10)")
        self.assertIn("offsets", cm.exception.reason or "")
        with self.assertRaises(lode.EventStoreSerializationError) as cm:  # one offset pair too few
            store_module._records(data, spans[:1], "read_log(0, 10)")
        self.assertIn("the records of read_log(0, 10)", cm.exception.key or "")
        for data, cause in ((b'{"CommandId":"c"}', KeyError), (b'{"CommandId":1}', TypeError),
                            (b"[" * DEEP, RecursionError), (b"[]", TypeError)):
            with self.subTest(command_record=data[:12]):
                with self.assertRaises(lode.EventStoreSerializationError) as cm:
                    store_module._command_record(data, "c")
                self.assert_serialization(cm.exception, cause, "the record of command 'c'")
        for data in (b'[1,"2"]', b"{}", b"[true]", b"[" * DEEP):
            with self.subTest(versions=data[:8]):
                with self.assertRaises(lode.EventStoreSerializationError):
                    store_module._versions(data, "a/b/c")
        self.assertEqual(store_module._versions(b"[1,4]", "a/b/c"), [1, 4])

    def test_event_message_from_bytes_that_are_not_a_message(self) -> None:
        """EventMessage(raw): not UTF-8, not JSON, too deep or not an object is a serialization
        error (the same exception the store gives)."""
        for raw, cause in ((b"\xff{}", UnicodeDecodeError), (b"{", json.JSONDecodeError),
                           (deep_message(), RecursionError), (b"[]", type(None))):
            with self.subTest(raw=raw[:8]):
                with self.assertRaises(lode.EventStoreSerializationError) as cm:
                    lode.EventMessage(raw)
                self.assertIsInstance(cm.exception.__cause__, cause)
        self.assertEqual(lode.EventMessage(b'{"Metadata":{"Context":{"SequenceNumber":"7"}}}').sequence_number, 7)

    def test_log_fields_that_cannot_be_decoded_still_log_the_event(self) -> None:
        """interop.md logging: a log event whose fields are not JSON is still logged."""
        self.addCleanup(lode.configure_logging, None)
        with self.assertLogs("lode.store", level="INFO") as logs:
            _native._on_log(None, 3, b"lode::store", b"opened", b"[" * DEEP)
            _native._on_log(None, 3, b"lode::store", b"closed", b"{bad")
        self.assertEqual([r.getMessage() for r in logs.records], ["opened", "closed"])
        self.assertIn("undecodable_fields", logs.records[1].lode_fields)  # type: ignore[attr-defined]

    def test_r_bad_6_messages_deeper_than_64_levels_are_refused(self) -> None:
        """R-BAD-6 end to end: 64 levels (the outer object is level 1) are stored and read back
        through every read and query, 65 are refused at append and as a snapshot with an
        argument error naming the limit; nothing is written."""
        store = self.open()
        store.add([message()])
        too_deep = deep_message("too-deep", 65)
        with self.assertRaises(lode.EventStoreArgumentError) as cm:
            store.add([message(), too_deep])
        self.assertIn("64", cm.exception.reason or "")
        with self.assertRaises(lode.EventStoreArgumentError) as cm:
            store.snapshot(1, too_deep)
        self.assertIn("64", cm.exception.reason or "")
        self.assertEqual(store.snapshot_versions(), [])
        with self.assertRaises(lode.EventStoreArgumentError):  # too deep for json.dumps itself
            nested: dict = {}  # type: ignore[type-arg]
            for _ in range(100_000):
                nested = {"n": nested}
            store.add([nested])
        self.assertEqual(store.version(), 1)
        limit = deep_message("limit", 64).replace(b'"SequenceNumber":1', b'"SequenceNumber":2')
        self.assertEqual(store.add([limit]), 2)
        event = json.loads(limit)["Event"]
        for got in (store.get()[1], store.get_to(2)[1], store.get_slice(2, 2)[0]):
            self.assertEqual(got.to_dict()["Event"], event)
        for records in (self.provider.read_log(), self.provider.events_by_type("Deep"),
                        self.provider.stream_events_since("BankAccount", "1", 1)):
            self.assertEqual([r.message.to_dict()["Event"] for r in records if r.event_type == "Deep"], [event])
        seen: List[int] = []

        def fold(messages: List[lode.EventMessage]) -> lode.EventMessage:
            seen.append(len(messages))
            messages[-1].to_dict()
            return messages[-1]

        store.snapshot_all(1, fold)
        self.assertEqual(seen, [1, 2])
        store.snapshot(2, limit.replace(b'"limit"', b'"limit-snapshot"'))
        self.assertEqual(store.get()[0].message_id, "limit-snapshot")
        self.assertEqual(store.get()[0].to_dict()["Event"], event)
