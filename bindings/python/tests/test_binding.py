"""The Python layer: create_message, serialization, exceptions, logging, threads, loading."""

from __future__ import annotations

import json
import logging
import os
import re
import tempfile
import threading
import time
import unittest
from datetime import datetime, timezone
from typing import List

import lode
from lode import errors
from support import StoreTest, message


class CreateMessageTest(unittest.TestCase):
    def test_create_message_has_the_wire_format_shape(self) -> None:
        """wire-format.md: create_message builds the .NET EventMessage shape, key order included."""
        m = lode.create_message({"Amount": 15, "$type": "ignored"}, name="FundsDeposited",
                                aggregate_name="BankAccount", aggregate_id="150")
        self.assertEqual(list(m), ["Event", "Metadata"])
        self.assertEqual(list(m["Event"]), ["$type", "Amount"])
        self.assertEqual(m["Event"]["$type"], "FundsDeposited")
        md = m["Metadata"]
        self.assertEqual(list(md), ["DomainGlobalId", "Message", "Context"])
        self.assertEqual(md["DomainGlobalId"], "default-BankAccount-150")
        self.assertEqual(list(md["Message"]), ["Id", "Name", "Version", "Domain", "CreatedDate"])
        self.assertEqual(md["Message"]["Domain"], {"Id": "150", "Name": "BankAccount"})
        self.assertEqual((md["Message"]["Name"], md["Message"]["Version"]), ("FundsDeposited", 1))
        self.assertEqual(list(md["Context"]), ["CorrelationId", "UserId", "PartitionId", "ReceivedDate", "Scopes"])
        mid = md["Message"]["Id"]
        self.assertRegex(mid, r"^[A-Za-z0-9_-]{22}$")
        self.assertEqual(md["Context"]["CorrelationId"], mid)
        self.assertEqual((md["Context"]["UserId"], md["Context"]["PartitionId"], md["Context"]["Scopes"]),
                         ("system", "default", []))
        date = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{0,6}[1-9])?\+00:00$")
        self.assertRegex(md["Message"]["CreatedDate"], date)
        self.assertEqual(md["Context"]["ReceivedDate"], md["Message"]["CreatedDate"])
        self.assertNotEqual(mid, lode.create_message({}, name="X", aggregate_name="A", aggregate_id="1")["Metadata"]["Message"]["Id"])

    def test_create_message_options(self) -> None:
        """wire-format.md: $type is {Name}V{Version} from version 2; options land in Context."""
        m = lode.create_message({}, name="Moved", aggregate_name="Parcel", aggregate_id="7", version=3,
                                user_id="ann", partition_id="t1", correlation_id="c", sequence_number=4, message_id="mid")
        self.assertEqual(m["Event"]["$type"], "MovedV3")
        self.assertEqual(m["Metadata"]["DomainGlobalId"], "t1-Parcel-7")
        self.assertEqual(m["Metadata"]["Message"]["Id"], "mid")
        ctx = m["Metadata"]["Context"]
        self.assertEqual(list(ctx), ["CorrelationId", "UserId", "PartitionId", "ReceivedDate", "SequenceNumber", "Scopes"])
        self.assertEqual((ctx["CorrelationId"], ctx["UserId"], ctx["PartitionId"], ctx["SequenceNumber"]), ("c", "ann", "t1", 4))

    def test_dotnet_time_format(self) -> None:
        """wire-format.md: dates carry +00:00 and trimmed fraction digits."""
        f = lode.messages.format_dotnet_time
        self.assertEqual(f(datetime(2026, 1, 4, 14, 51, 49, 123400, tzinfo=timezone.utc)), "2026-01-04T14:51:49.1234+00:00")
        self.assertEqual(f(datetime(2026, 1, 4, 14, 51, 49, tzinfo=timezone.utc)), "2026-01-04T14:51:49+00:00")

    def test_to_json_bytes_escapes_like_dotnet(self) -> None:
        """wire-format.md: non-ASCII and < > & ' + ` " are \\uXXXX-escaped, output compact."""
        out = lode.to_json_bytes({"a": "é<>&'+`\"\\\n😀", "n": [1, 2.5, None, True], "o": {}})
        self.assertEqual(out, b'{"a":"\\u00E9\\u003C\\u003E\\u0026\\u0027\\u002B\\u0060\\u0022\\\\\\n\\uD83D\\uDE00",'
                              b'"n":[1,2.5,null,true],"o":{}}')
        self.assertEqual(json.loads(out)["a"], "é<>&'+`\"\\\n😀")


class ErrorTest(StoreTest):
    def test_every_status_code_maps_to_its_exception(self) -> None:
        """B-* Errors table: each kind is one exception class under EventStoreError."""
        names = {1: "StoreVersionMismatchException", 2: "StoreNotOpenException", 3: "StoreSessionExpiredException",
                 4: "InvalidStoreSessionException", 5: "OpenStoreFailedException", 6: "StreamVersionNotFoundException",
                 7: "StreamSnapshotVersionNotFoundException", 8: "StreamIdempotencyIdNotFoundException",
                 9: "DuplicateEventStoreIdempotencyIdException", 10: "EventStoreArgumentError",
                 11: "EventStoreSerializationError", 12: "EventStoreStorageError", 13: "ObjectDisposedError",
                 14: "EventStoreInternalError"}
        for code, name in names.items():
            e = errors.error_from_status(code, "m", {"kind": "K"})
            self.assertEqual((type(e).__name__, e.code, e.kind, e.message), (name, code, "K", "m"))
            self.assertIsInstance(e, lode.EventStoreError)
            self.assertIs(getattr(lode, name), type(e))
        self.assertTrue(issubclass(lode.EventStoreArgumentError, ValueError))
        self.assertIs(type(errors.error_from_status(99, "m")), lode.EventStoreError)

    def test_freed_store_and_closed_provider_raise_object_disposed(self) -> None:
        """ObjectDisposedError (LODE_CLOSED): a freed store or closed provider cannot be used."""
        store = self.provider.open_store("A", "1")
        store.free()
        with self.assertRaises(lode.ObjectDisposedError) as cm:
            store.version()
        self.assertEqual((cm.exception.code, cm.exception.kind), (13, "Closed"))
        self.assertTrue(cm.exception.message)
        with lode.EventStoreProvider(self.path + "/p2") as p:
            pass
        with self.assertRaises(lode.ObjectDisposedError):
            p.read_log()
        with self.assertRaises(lode.ObjectDisposedError):
            p.open_store("A", "1")

    def test_storage_error_keeps_the_os_error(self) -> None:
        """EventStoreStorageError (LODE_STORAGE): storage_code and storage_text of the OS error."""
        with tempfile.NamedTemporaryFile() as f:
            with self.assertRaises(lode.EventStoreStorageError) as cm:
                lode.EventStoreProvider(f.name)
        self.assertIsInstance(cm.exception.storage_code, int)
        self.assertTrue(cm.exception.storage_text)
        self.assertIsInstance(cm.exception.__cause__, lode.StorageCause)

    def test_serialization_and_argument_errors(self) -> None:
        """EventStoreSerializationError and EventStoreArgumentError carry their fields."""
        store = self.open()
        store.add([message()])
        with self.assertRaises(lode.EventStoreSerializationError) as cm:
            store.snapshot(1, b"{broken")
        self.assertTrue(cm.exception.reason)
        with self.assertRaises(lode.EventStoreArgumentError) as arg:
            store.snapshot(-1, message())
        self.assertEqual(arg.exception.argument, "version")
        with self.assertRaises(lode.EventStoreArgumentError):
            lode.EventStoreProvider(self.path, durability="sometimes")


class LoggingTest(StoreTest):
    def tearDown(self) -> None:
        lode.configure_logging(None)
        super().tearDown()

    def test_library_logs_reach_python_logging(self) -> None:
        """interop.md Python: library events go to logging, logger named after the target, with fields."""
        with self.assertLogs("lode", level="INFO") as logs:
            lode.configure_logging(logging.INFO)
            store = self.provider.open_store("BankAccount", "9")
            store.free()
        opened = [r for r in logs.records if r.name == "lode.store" and r.levelno == logging.INFO]
        self.assertTrue(opened, [r.name for r in logs.records])
        fields = opened[0].lode_fields  # type: ignore[attr-defined]
        self.assertEqual(fields["store_id"], "EventStores/BankAccount/9")
        self.assertFalse([r for r in logs.records if r.levelno < logging.INFO])

    def test_level_filter_follows_the_lode_logger(self) -> None:
        """interop.md Python: with the lode logger at WARNING, INFO events are not routed."""
        seen: List[logging.LogRecord] = []

        class Keep(logging.Handler):
            def emit(self, record: logging.LogRecord) -> None:
                seen.append(record)

        logger = logging.getLogger("lode")
        handler, old = Keep(), logger.level
        logger.addHandler(handler)
        try:
            logger.setLevel(logging.WARNING)
            lode.configure_logging(None)
            self.provider.open_store("A", "1").free()
            self.assertEqual([r for r in seen if r.levelno < logging.WARNING], [])
            logger.setLevel(logging.DEBUG)
            lode.configure_logging(None)
            self.provider.open_store("A", "1").free()
            self.assertTrue([r for r in seen if r.name == "lode.store"])
        finally:
            logger.removeHandler(handler)
            logger.setLevel(old)


class ThreadTest(StoreTest):
    def test_many_threads_through_one_provider(self) -> None:
        """interop.md threads: 8 writer threads on their own streams plus readers, all at once."""
        writers, per_thread = 8, 40
        failures: List[BaseException] = []
        done = threading.Event()

        def write(n: int) -> None:
            try:
                with self.provider.open_store("Account", str(n)) as store:
                    for i in range(per_thread):
                        if store.add([message(str(n), body={"I": i})]) != i + 1:
                            raise AssertionError(f"stream {n}: wrong version at {i}")
            except BaseException as e:
                failures.append(e)

        def read() -> None:
            try:
                while not done.is_set():
                    positions = [r.position for r in self.provider.read_log(0, 10_000)]
                    if positions != list(range(1, len(positions) + 1)):
                        raise AssertionError("gap in the global log")
                    self.provider.events_by_type("FundsDeposited", max=50)
            except BaseException as e:
                failures.append(e)

        threads = [threading.Thread(target=write, args=(n,)) for n in range(writers)]
        readers = [threading.Thread(target=read) for _ in range(2)]
        for t in threads + readers:
            t.start()
        for t in threads:
            t.join()
        done.set()
        for t in readers:
            t.join()
        self.assertEqual(failures, [])
        for n in range(writers):
            events = self.provider.stream_events_since("Account", str(n), 0)
            self.assertEqual([r.aggregate_version for r in events], list(range(1, per_thread + 1)))
            self.assertEqual([r.message.event["I"] for r in events], list(range(per_thread)))
        self.assertEqual([r.position for r in self.provider.read_log(0, 10_000)], list(range(1, writers * per_thread + 1)))

    def test_one_store_shared_by_threads(self) -> None:
        """interop.md threads: one store handle used by 4 threads at once; versions stay gap-free."""
        store = self.open()
        failures: List[BaseException] = []

        def work() -> None:
            try:
                for _ in range(25):
                    store.add([message()])
                    store.get_slice(1, 3)
            except BaseException as e:
                failures.append(e)

        threads = [threading.Thread(target=work) for _ in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        self.assertEqual(failures, [])
        self.assertEqual(self.seq(store.get()), list(range(1, 101)))


class LoadingTest(unittest.TestCase):
    def test_explicit_library_path_and_abi_check(self) -> None:
        """interop.md Python: an explicit library= path is used, and its ABI version is 1 (the
        library the tests run on: LODE_LIBRARY from a checkout, the shipped copy when installed)."""
        path = os.environ.get("LODE_LIBRARY") or lode.load_library().path
        with tempfile.TemporaryDirectory() as d, lode.EventStoreProvider(d, library=path) as p:
            self.assertEqual(os.path.realpath(p.library_path), os.path.realpath(path))
            self.assertRegex(p.library_version, r"^\d+\.\d+\.\d+")
            self.assertEqual(int(lode.load_library(path).lib.lode_abi_version()), lode.ABI_VERSION)
        with self.assertRaises(OSError):
            lode.EventStoreProvider("/tmp/x", library="/nonexistent/liblode.so")

    def test_timeouts_accept_seconds_and_timedelta(self) -> None:
        """B-SES-1: timeouts are timedelta or seconds; negative ones are refused."""
        with tempfile.TemporaryDirectory() as d, lode.EventStoreProvider(d, default_session_timeout=0.2) as p:
            store = p.open_store("A", "1")
            time.sleep(0.3)
            with self.assertRaises(lode.StoreSessionExpiredException):
                store.version()
            with self.assertRaises(ValueError):
                p.open_store("A", "2", session_timeout=-1)
