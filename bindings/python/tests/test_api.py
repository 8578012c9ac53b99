"""The Python API for callers coming from .NET (interop.md Python): argument order and names,
open_store_for, TypeError for wrong argument types, and the exceptions' .NET field names."""

from __future__ import annotations

import inspect
import json
import pickle
import re
import tempfile
from datetime import datetime, timedelta, timezone
from typing import Any, Callable, Dict, List, Tuple

import lode
from lode import errors
from support import StoreTest, message


class DotnetShapeTest(StoreTest):
    def test_open_store_database_is_keyword_only(self) -> None:
        """interop.md Python: open_store(name, id, *, database=None): a .NET-ordered call
        (database, name, id) fails loudly instead of opening stream Id/Db/Name."""
        with self.assertRaises(TypeError):
            self.provider.open_store("Db", "Name", "Id")  # type: ignore[misc]
        self.assertEqual(self.log_count(), 0)
        with self.provider.open_store("Name", "Id", database="Db") as store:
            self.assertEqual(store.store_id, "Db/Name/Id")
            store.add([message("Id", aggregate_name="Name")])
        self.assertEqual([r.partition for r in self.provider.read_log()], ["Db"])
        with self.assertRaises(TypeError):
            self.provider.stream_events_since("Name", "Id", 0, "Db")  # type: ignore[misc]
        self.assertEqual(len(self.provider.stream_events_since("Name", "Id", 0, database="Db")), 1)

    def test_parameter_names_are_the_dotnet_ones(self) -> None:
        """interop.md Python: .NET's parameter names in snake_case (IEventStore, CreateMessage)."""
        def names(fn: Callable[..., Any]) -> List[str]:
            return [p for p in inspect.signature(fn).parameters if p != "self"]

        S, P = lode.EventStore, lode.EventStoreProvider
        self.assertEqual(names(S.add), ["items"])
        self.assertEqual(names(S.snapshot), ["version", "snapshot"])
        self.assertEqual(names(S.snapshot_all), ["chunk_size", "snapshot"])
        self.assertEqual(names(S.get), ["use_snapshot"])
        self.assertEqual(names(S.get_to), ["version", "use_snapshot"])
        self.assertEqual(names(S.get_slice), ["first", "last"])
        self.assertEqual(names(S.clear_snapshot), ["version"])
        self.assertEqual(names(S.reopen), ["session_timeout", "open_timeout"])
        self.assertEqual(names(P.open_store_for), ["metadata", "session_timeout", "open_timeout"])
        # EventStoreHelper.CreateMessage(this event, sequenceNumber, userId, partitionId, timeProvider)
        self.assertEqual(names(lode.create_message)[:5], ["event", "sequence_number", "user_id", "partition_id", "time_provider"])
        keyword_only = [p.name for p in inspect.signature(P.open_store).parameters.values() if p.kind is p.KEYWORD_ONLY]
        self.assertEqual(keyword_only, ["database", "session_timeout", "open_timeout"])

    def test_create_message_takes_dotnet_positional_arguments(self) -> None:
        """EventStoreHelper.CreateMessage(sequenceNumber, userId, partitionId, timeProvider), in
        that order, with the time provider's time (and offset) in CreatedDate and ReceivedDate."""
        moment = datetime(2026, 1, 4, 14, 51, 49, 124000, tzinfo=timezone(timedelta(hours=1)))
        m = lode.create_message({"Amount": 5}, 5, "joe", "tenant", lambda: moment,
                                name="FundsWithdrawn", aggregate_name="BankAccount", aggregate_id="15")
        ctx = m["Metadata"]["Context"]
        self.assertEqual((ctx["SequenceNumber"], ctx["UserId"], ctx["PartitionId"]), (5, "joe", "tenant"))
        self.assertEqual(m["Metadata"]["Message"]["CreatedDate"], "2026-01-04T14:51:49.124+01:00")
        self.assertEqual(ctx["ReceivedDate"], "2026-01-04T14:51:49.124+01:00")
        self.assertEqual(m["Metadata"]["DomainGlobalId"], "tenant-BankAccount-15")
        plain = lode.create_message({}, name="X", aggregate_name="A", aggregate_id="1")
        self.assertNotIn("SequenceNumber", plain["Metadata"]["Context"])
        self.assertTrue(plain["Metadata"]["Message"]["CreatedDate"].endswith("+00:00"))
        with self.assertRaises(lode.EventStoreArgumentError):
            lode.create_message({}, name="X", aggregate_name="A", aggregate_id="1", version=0)

    def test_open_store_for_takes_partition_domain_name_and_id(self) -> None:
        """.NET OpenStoreAsync(Metadata): database = Context.PartitionId, name = Domain.Name,
        id = Domain.Id; from an EventMessage, an EventMessage dict or a Metadata dict."""
        m = message("77", aggregate_name="Parcel", partition_id="tenant-9")
        with self.provider.open_store_for(m) as store:
            self.assertEqual(store.store_id, "tenant-9/Parcel/77")
            store.add([m])
            read_back = store.get()[0]
        for form in (read_back, m["Metadata"], json.loads(read_back.raw)):
            with self.subTest(form=type(form).__name__):
                with self.provider.open_store_for(form, open_timeout=0) as store:
                    self.assertEqual((store.store_id, store.version()), ("tenant-9/Parcel/77", 1))
        self.assertEqual(self.provider.read_log()[0].partition, "tenant-9")
        default = lode.create_message({}, name="X", aggregate_name="A", aggregate_id="1")
        with self.provider.open_store_for(default) as store:
            self.assertEqual(store.store_id, "default/A/1")  # the partition, not EventStores

    def test_open_store_for_refuses_incomplete_metadata(self) -> None:
        """open_store_for: a missing or non-string part is an argument error naming it; a value
        that is no message or metadata at all is a TypeError."""
        m = message("1")
        del m["Metadata"]["Context"]["PartitionId"]
        with self.assertRaises(lode.EventStoreArgumentError) as cm:
            self.provider.open_store_for(m)
        self.assertEqual(cm.exception.param_name, "metadata")
        self.assertIn("Metadata.Context.PartitionId", str(cm.exception))
        m = message("1")
        m["Metadata"]["Message"]["Domain"]["Id"] = 7
        with self.assertRaises(lode.EventStoreArgumentError) as cm:
            self.provider.open_store_for(m)
        self.assertIn("Metadata.Message.Domain.Id", str(cm.exception))
        with self.assertRaises(lode.EventStoreArgumentError):
            self.provider.open_store_for({"Event": {}})
        for bad in (None, "BankAccount", b"{}", 42):
            with self.subTest(bad=bad):
                with self.assertRaisesRegex(TypeError, "'metadata'"):
                    self.provider.open_store_for(bad)  # type: ignore[arg-type]
        self.assertEqual(self.log_count(), 0)


class TypeCheckTest(StoreTest):
    """interop.md Python: a wrong argument type is a TypeError naming the argument; every
    parameter of every public function is covered (the test checks the list is complete)."""

    def cases(self) -> Dict[str, Tuple[Callable[..., Any], Dict[str, Any], Dict[str, Any]]]:
        """name -> (function, valid keyword arguments, wrong value per argument)."""
        store = self.open()
        p = self.provider
        m = message()
        now = datetime.now(timezone.utc)
        nothing = object()
        lib = lode.load_library().path
        return {
            "EventStoreProvider": (
                lambda **k: lode.EventStoreProvider(**k).close(),
                {"path": self.path + "/p2"},
                {"path": None, "default_database": 3, "default_open_timeout": "5s", "default_session_timeout": [],
                 "durability": 1, "initial_map_size": 1.5, "max_map_size": "1G", "file_mode": "0600",
                 "directory_mode": 7.0, "max_readers": True, "index_lag": "32", "library": 3},
            ),
            "open_store": (p.open_store, {"name": "A", "id": "t"},
                           {"name": None, "id": 5, "database": 1, "session_timeout": "1", "open_timeout": nothing}),
            "open_store_for": (p.open_store_for, {"metadata": m},
                               {"metadata": None, "session_timeout": "1", "open_timeout": nothing}),
            "read_log": (p.read_log, {}, {"from_position": None, "max": "10"}),
            "events_by_type": (p.events_by_type, {"event_type": "X"},
                               {"event_type": None, "event_version": "1", "from_position": 1.0, "max": None}),
            "events_by_time": (p.events_by_time, {"start": now, "end": now},
                               {"start": None, "end": "2026-01-01", "max": None}),
            "events_by_correlation": (p.events_by_correlation, {"correlation_id": "c"},
                                      {"correlation_id": None, "from_position": "0", "max": 2.5}),
            "stream_events_since": (p.stream_events_since, {"name": "A", "id": "1", "since_version": 0},
                                    {"name": None, "id": 1, "since_version": None, "database": 2, "max": "3"}),
            "command_processed": (p.command_processed, {"command_id": "c"}, {"command_id": None}),
            "get_command": (p.get_command, {"command_id": "c"}, {"command_id": b"c"}),
            "subscribe": (lambda **k: p.subscribe(**k).close(), {},
                          {"after": "0", "from_now": 1, "stream": 5, "aggregate_type": 1, "event_types": 3,
                           "correlation_id": 2, "page_size": "10", "timeout": "1"}),
            "wait_for_position": (p.wait_for_position, {"position": 0, "timeout": 0},
                                  {"position": None, "timeout": "1"}),
            "checkpoint": (p.checkpoint, {"name": "c"}, {"name": None}),
            "store_checkpoint": (p.store_checkpoint, {"name": "c", "position": 0}, {"name": 1, "position": "0"}),
            "reset_checkpoint": (p.reset_checkpoint, {"name": "c", "position": 0}, {"name": b"c", "position": None}),
            "backup": (p.backup, {"path": self.path + "/never"},
                       {"path": None, "compact": 1, "verify": "yes", "max_bytes_per_second": 1.5,
                        "progress": "print"}),
            "check_backup": (p.check_backup, {"path": self.path}, {"path": 7}),
            "verify_directory": (lode.verify, {"path": self.path}, {"path": None, "library": 3}),
            "reopen": (store.reopen, {}, {"session_timeout": "60", "open_timeout": nothing}),
            "add_with_checkpoint": (store.add_with_checkpoint, {"items": [], "checkpoint_name": "c", "position": 0},
                                    {"items": 5, "checkpoint_name": None, "position": 1.0}),
            "add": (store.add, {"items": []}, {"items": None}),
            "add_with_command": (store.add_with_command, {"items": [], "command_id": "c"},
                                 {"items": 5, "command_id": None, "command_type": 1, "actor": 2}),
            "get": (store.get, {}, {"use_snapshot": None}),
            "get_to": (store.get_to, {"version": 0}, {"version": None, "use_snapshot": "yes"}),
            "get_slice": (store.get_slice, {"first": 1, "last": 2}, {"first": None, "last": "2"}),
            "snapshot": (store.snapshot, {"version": 1, "snapshot": m}, {"version": None, "snapshot": None}),
            "clear_snapshot": (store.clear_snapshot, {"version": 1}, {"version": None}),
            "snapshot_all": (store.snapshot_all, {"chunk_size": 5, "snapshot": lambda ms: ms[-1]},
                             {"chunk_size": None, "snapshot": None}),
            "create_message": (
                lode.create_message,
                {"event": {}, "name": "X", "aggregate_name": "A", "aggregate_id": "1"},
                {"event": None, "sequence_number": "5", "user_id": None, "partition_id": 1, "time_provider": "now",
                 "name": None, "aggregate_name": 1, "aggregate_id": None, "version": "2", "correlation_id": 1,
                 "message_id": 2},
            ),
            "to_json_bytes": (lode.to_json_bytes, {"message": {}}, {"message": None}),
            "format_dotnet_time": (lode.messages.format_dotnet_time, {"moment": now}, {"moment": "now"}),
            "load_library": (lode.load_library, {"path": lib}, {"path": 5}),
            "configure_logging": (lode.configure_logging, {"level": None}, {"level": "DEBUG"}),
            "EventMessage": (lode.EventMessage, {"raw": b"{}"}, {"raw": None, "data": "{}"}),
        }

    def test_every_argument_of_every_public_function_has_its_type_checked(self) -> None:
        """A wrong type for any argument (None where it is required) raises TypeError naming it."""
        self.addCleanup(lode.configure_logging, None)
        cases = self.cases()
        signatures = {
            "EventStoreProvider": lode.EventStoreProvider.__init__, "EventMessage": lode.EventMessage.__init__,
            "load_library": lode.load_library, "configure_logging": lode.configure_logging,
            "create_message": lode.create_message, "to_json_bytes": lode.to_json_bytes,
            "format_dotnet_time": lode.messages.format_dotnet_time, "verify_directory": lode.verify,
        }
        public = {n for n, f in inspect.getmembers(lode.EventStoreProvider, inspect.isfunction) if not n.startswith("_")}
        public |= {n for n, f in inspect.getmembers(lode.EventStore, inspect.isfunction) if not n.startswith("_")}
        for name in sorted(public):
            fn = getattr(lode.EventStoreProvider, name, None) or getattr(lode.EventStore, name)
            parameters = [p for p in inspect.signature(fn).parameters if p != "self"]
            if parameters:
                self.assertIn(name, cases, f"{name} takes arguments but is not covered")
                signatures[name] = fn
        for name, fn in signatures.items():
            parameters = {p for p in inspect.signature(fn).parameters if p != "self"}
            self.assertEqual(set(cases[name][2]), parameters, f"{name}: every parameter needs a wrong-type case")
        for name, (call, valid, wrong) in cases.items():
            for argument, value in wrong.items():
                with self.subTest(function=name, argument=argument, value=value):
                    with self.assertRaisesRegex(TypeError, f"'{argument}'"):
                        call(**dict(valid, **{argument: value}))
        self.assertEqual(self.log_count(), 0)

    def test_items_of_a_batch_are_checked_one_by_one(self) -> None:
        """add: a batch item of the wrong type is a TypeError naming its index; nothing written."""
        store = self.open()
        for batch, where in (([message(), None], "items[1]"), ([message(), message(), 7], "items[2]"),
                             ([{"Event": {}, "Metadata": {"When": datetime.now()}}], "items[0]")):
            with self.subTest(where=where):
                with self.assertRaisesRegex(TypeError, re.escape(f"'{where}'")):
                    store.add(batch)  # type: ignore[list-item]
        with self.assertRaisesRegex(TypeError, "'items'"):
            store.add(message())  # type: ignore[arg-type]
        self.assertEqual(store.version(), 0)
        self.assertEqual(store.add(iter([message()])), 1)  # any iterable, like IEnumerable

    def test_values_out_of_the_abi_range_are_argument_errors(self) -> None:
        """Right type, impossible value: EventStoreArgumentError naming the argument, like the
        library's own checks (never a ctypes ArgumentError or OverflowError)."""
        store = self.open()
        for call, argument in ((lambda: store.get_to(2**63), "version"), (lambda: store.get_slice(1, -2**64), "last"),
                               (lambda: self.provider.read_log(0, 2**70), "max"),
                               (lambda: self.provider.open_store("A", "\udc80"), "id"),
                               (lambda: self.provider.open_store("A", "1", open_timeout=-1), "open_timeout"),
                               (lambda: self.provider.open_store("A", "1", session_timeout=float("nan")), "session_timeout"),
                               (lambda: store.add([{"x": float("inf")}]), "items[0]")):
            with self.subTest(argument=argument):
                with self.assertRaises(lode.EventStoreArgumentError) as cm:
                    call()
                self.assertEqual(cm.exception.param_name, argument)
                self.assertIsInstance(cm.exception, ValueError)


class ExceptionFieldTest(StoreTest):
    def test_exceptions_have_the_dotnet_property_names(self) -> None:
        """interop.md Python: the .NET exceptions' properties in snake_case (StoreId, Timeout,
        ExpectedVersion, SessionId, Expiration, ExpectedSession, StreamId, Version,
        IdempotencyId, ParamName, ObjectName, Event, Metadata), old names kept as aliases."""
        expected = {
            lode.StoreVersionMismatchException: ["store_id", "expected_version", "actual_version", "metadata", "message_id"],
            lode.StoreNotOpenException: ["store_id", "session_id", "operation"],
            lode.StoreSessionExpiredException: ["store_id", "session_id", "expiration"],
            lode.InvalidStoreSessionException: ["store_id", "session_id", "expected_session", "holder_session_id"],
            lode.OpenStoreFailedException: ["store_id", "timeout", "holder_session_id", "holder_pid", "holder_expires_at"],
            lode.StreamVersionNotFoundException: ["stream_id", "version", "store_id", "current_version"],
            lode.StreamSnapshotVersionNotFoundException: ["stream_id", "version", "store_id"],
            lode.StreamIdempotencyIdNotFoundException: ["idempotency_id", "stream_id", "id"],
            lode.DuplicateEventStoreIdempotencyIdException: ["event", "id", "scope", "idempotency_id"],
            lode.EventStoreArgumentError: ["param_name", "argument", "reason"],
            lode.EventStoreSerializationError: ["key", "version", "reason"],
            lode.EventStoreStorageError: ["operation", "backend", "storage_code", "storage_code_name", "storage_text",
                                         "inner_exception"],
            lode.ObjectDisposedError: ["object_name"],
            lode.EventStoreInternalError: ["detail"],
        }
        for cls, names in expected.items():
            for name in names:
                with self.subTest(cls=cls.__name__, name=name):
                    self.assertIsInstance(getattr(cls, name, None), property)
        self.assertIsInstance(lode.EventStoreError.inner_exception, property)

    def test_invalid_session_expected_session_is_the_holder(self) -> None:
        """InvalidStoreSessionException.expected_session (.NET ExpectedSession) is the session
        holding the lease now; session_id is the stale one."""
        e = errors.error_from_status(4, "m", {"kind": "InvalidSession", "store_id": "a/b/c", "session_id": "old",
                                              "holder_session_id": "new"})
        assert isinstance(e, lode.InvalidStoreSessionException)
        self.assertEqual((e.store_id, e.session_id, e.expected_session, e.holder_session_id), ("a/b/c", "old", "new", "new"))

    def test_duplicate_id_carries_the_refused_event(self) -> None:
        """DuplicateEventStoreIdempotencyIdException.event (.NET Event): the refused message."""
        store = self.open()
        first = message()
        store.add([first])
        again = dict(first)
        again["Event"] = {"$type": "FundsDeposited", "Amount": 99}
        with self.assertRaises(lode.DuplicateEventStoreIdempotencyIdException) as cm:
            store.add([message(), json.dumps(again)])
        refused = cm.exception.event
        self.assertIsInstance(refused, lode.EventMessage)
        self.assertEqual((refused.message_id, refused.event["Amount"]), (first["Metadata"]["Message"]["Id"], 99))
        self.assertEqual(cm.exception.idempotency_id, first["Metadata"]["Message"]["Id"])

    def test_storage_error_has_the_os_error_as_its_cause(self) -> None:
        """interop.md Python: the storage error is chained as __cause__ (the InnerException): a
        StorageCause (an OSError) with the LMDB/OS code and text."""
        with tempfile.NamedTemporaryFile() as f:
            with self.assertRaises(lode.EventStoreStorageError) as cm:
                lode.EventStoreProvider(f.name)
        e = cm.exception
        cause = e.__cause__
        self.assertIsInstance(cause, lode.StorageCause)
        self.assertIsInstance(cause, OSError)
        assert isinstance(cause, lode.StorageCause)
        self.assertEqual((cause.backend, cause.code, cause.code_name, cause.text),
                         (e.backend, e.storage_code, e.storage_code_name, e.storage_text))
        self.assertEqual((cause.backend, cause.code_name), ("os", "EEXIST"))
        self.assertEqual((cause.errno, cause.strerror), (cause.code, cause.text))
        self.assertIs(e.inner_exception, cause)
        self.assertIn("EEXIST", str(cause))
        lmdb = lode.StorageCause("lmdb", -30792, "MDB_MAP_FULL", "Environment mapsize limit reached")
        self.assertIsNone(lmdb.errno)
        self.assertEqual(str(lmdb), "Environment mapsize limit reached (lmdb MDB_MAP_FULL, code -30792)")
        self.assertIsNone(errors.error_from_status(12, "m", {"kind": "Storage"}).__cause__)

    def test_exceptions_survive_pickling(self) -> None:
        """Exceptions keep their fields across processes (multiprocessing pickles them)."""
        e = errors.error_from_status(5, "busy", {"kind": "OpenStoreFailed", "store_id": "a/b/c", "timeout_ms": 250})
        copy = pickle.loads(pickle.dumps(e))
        self.assertIs(type(copy), lode.OpenStoreFailedException)
        self.assertEqual((copy.message, copy.store_id, copy.timeout, copy.code), ("busy", "a/b/c", timedelta(milliseconds=250), 5))
        cause = pickle.loads(pickle.dumps(lode.StorageCause("os", 28, "ENOSPC", "No space left on device")))
        self.assertEqual((cause.backend, cause.code, cause.code_name, cause.text, cause.errno),
                         ("os", 28, "ENOSPC", "No space left on device", 28))
