"""Snapshots (B-SNP-*)."""

from __future__ import annotations

from typing import List

import lode
from support import StoreTest, message


class SnapshotTest(StoreTest):
    def test_b_snp_1_snapshot_within_the_stream_and_replace(self) -> None:
        """B-SNP-1: snapshots at 1..current are stored byte for byte and replaced; others raise."""
        store = self.open()
        store.add([message() for _ in range(3)])
        for version in (0, 4):
            with self.assertRaises(lode.StreamVersionNotFoundException):
                store.snapshot(version, message(name="State"))
        first = b'{ "Event":{"$type":"State","N":1}, "Metadata":{} }'
        store.snapshot(3, first)
        self.assertEqual(store.get()[0].raw, first)
        store.snapshot(3, message(name="State", body={"N": 2}))
        self.assertEqual(store.get()[0].event["N"], 2)
        self.assertEqual(store.snapshot_versions(), [3])
        with self.assertRaises(lode.EventStoreSerializationError):
            store.snapshot(2, b"not json")

    def test_b_snp_2_versions_ascending_and_last_is_zero_when_none(self) -> None:
        """B-SNP-2: snapshot versions ascend; the first snapshot is listed; last is 0 when none."""
        store = self.open()
        store.add([message() for _ in range(5)])
        self.assertEqual((store.snapshot_versions(), store.last_snapshot_version()), ([], 0))
        store.snapshot(4, message(name="S"))
        self.assertEqual((store.snapshot_versions(), store.last_snapshot_version()), ([4], 4))
        store.snapshot(1, message(name="S"))
        store.snapshot(2, message(name="S"))
        self.assertEqual(store.snapshot_versions(), [1, 2, 4])
        self.assertEqual(store.last_snapshot_version(), 4)

    def test_b_snp_3_clear_one_or_all_and_events_stay(self) -> None:
        """B-SNP-3: clear one (absent: SnapshotVersionNotFound), clear all; events are untouched."""
        store = self.open()
        store.add([message() for _ in range(4)])
        for v in (1, 2, 3):
            store.snapshot(v, message(name="S"))
        store.clear_snapshot(2)
        self.assertEqual(store.snapshot_versions(), [1, 3])
        with self.assertRaises(lode.StreamSnapshotVersionNotFoundException) as cm:
            store.clear_snapshot(2)
        self.assertEqual(cm.exception.version, 2)
        store.clear_snapshots()
        self.assertEqual((store.snapshot_versions(), store.last_snapshot_version()), ([], 0))
        self.assertEqual(self.seq(store.get()), [1, 2, 3, 4])
        self.assertEqual(self.log_count(), 4)

    def test_b_snp_4_snapshot_all_walks_every_chunk(self) -> None:
        """B-SNP-4: snapshot_all calls fn at each multiple of the chunk without a snapshot, with
        what read-with-snapshot gives there, and stores the result."""
        store = self.open()
        store.add([message(body={"Amount": i}) for i in range(1, 6)])
        seen: List[List[str]] = []

        def fold(messages: List[lode.EventMessage]) -> dict:  # type: ignore[type-arg]
            seen.append([m.name or "" for m in messages])
            total = 0
            for m in messages:
                total = m.event["Total"] if m.name == "State" else total + m.event["Amount"]
            return message(name="State", body={"Total": total})

        store.snapshot_all(2, fold)
        self.assertEqual(seen, [["FundsDeposited"] * 2, ["State", "FundsDeposited", "FundsDeposited"]])
        self.assertEqual(store.snapshot_versions(), [2, 4])
        self.assertEqual(store.get_to(4)[0].event["Total"], 10)
        seen.clear()
        store.snapshot_all(2, fold)  # nothing left to do
        self.assertEqual(seen, [])
        for chunk in (0, -1):
            with self.assertRaises(lode.EventStoreArgumentError):
                store.snapshot_all(chunk, fold)

    def test_b_snp_4_an_exception_in_the_snapshot_function_reaches_the_caller_unchanged(self) -> None:
        """B-SNP-4: an exception raised by the snapshot function is the exception snapshot_all
        raises: the same object, its own __cause__ and __context__ kept, never an argument
        error; the snapshots stored before it stay, the walk stops."""
        store = self.open()
        store.add([message() for _ in range(3)])

        class Boom(Exception):
            pass

        raised: List[BaseException] = []
        root = KeyError("no state")
        calls: List[int] = []

        def fail(messages: List[lode.EventMessage]) -> lode.EventMessage:
            calls.append(len(messages))
            if len(calls) == 2:
                try:
                    raise ValueError("while folding")
                except ValueError:
                    error = Boom("no state")
                    raised.append(error)
                    raise error from root
            return messages[-1]

        with self.assertRaises(Boom) as cm:
            store.snapshot_all(1, fail)
        self.assertIs(cm.exception, raised[0])
        self.assertIs(cm.exception.__cause__, root)
        self.assertIsInstance(cm.exception.__context__, ValueError)
        self.assertNotIsInstance(cm.exception, lode.EventStoreError)
        self.assertEqual(calls, [1, 2])
        self.assertEqual(store.snapshot_versions(), [1])

    def test_b_snp_4_base_exceptions_and_bad_results_of_the_snapshot_function(self) -> None:
        """B-SNP-4: KeyboardInterrupt in the snapshot function propagates as itself; a result
        that is no message is a TypeError saying so; the store stays usable."""
        store = self.open()
        store.add([message() for _ in range(2)])
        interrupt = KeyboardInterrupt()

        def interrupted(messages: List[lode.EventMessage]) -> lode.EventMessage:
            raise interrupt

        with self.assertRaises(KeyboardInterrupt) as cm:
            store.snapshot_all(1, interrupted)
        self.assertIs(cm.exception, interrupt)
        with self.assertRaisesRegex(TypeError, "snapshot function must return a message"):
            store.snapshot_all(1, lambda messages: None)  # type: ignore[arg-type,return-value]
        self.assertEqual(store.snapshot_versions(), [])
        store.snapshot_all(2, lambda messages: message(name="State"))
        self.assertEqual(store.snapshot_versions(), [2])
