"""Append (B-APP-*) and read (B-RD-*)."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

import lode
from support import StoreTest, message, raw_message


class AppendTest(StoreTest):
    def test_b_app_1_add_returns_the_new_version_and_empty_batch_writes_nothing(self) -> None:
        """B-APP-1: add returns the new version; an empty batch returns the current one."""
        store = self.open()
        self.assertEqual(store.add([]), 0)
        self.assertEqual(store.add([message(), message()]), 2)
        self.assertEqual(store.add([]), 2)
        self.assertEqual(self.log_count(), 2)
        self.assertEqual(store.add([message()]), 3)

    def test_b_app_1_accepts_dicts_text_bytes_and_event_messages(self) -> None:
        """B-APP-1: messages may be dicts, JSON str, JSON bytes or EventMessages read back."""
        source = self.open("A", "src")
        source.add([raw_message("rb")])
        read_back = source.get()[0]  # carries SequenceNumber 1
        store = self.open()
        version = store.add([read_back, message(), json.dumps(message()), raw_message("m4")])
        self.assertEqual(version, 4)
        self.assertEqual([m.message_id for m in store.get()][::3], ["rb", "m4"])
        with self.assertRaises(TypeError):
            store.add(message())  # type: ignore[arg-type]

    def test_b_app_2_versions_start_at_1_without_gaps(self) -> None:
        """B-APP-2: versions are 1, 2, 3 ... across batches."""
        store = self.open()
        for size in (1, 3, 2):
            store.add([message() for _ in range(size)])
        self.assertEqual(self.seq(store.get()), [1, 2, 3, 4, 5, 6])

    def test_b_app_3_sequence_numbers_must_be_current_plus_k(self) -> None:
        """B-APP-3: exact SequenceNumbers are accepted; a wrong one refuses the whole batch."""
        store = self.open()
        self.assertEqual(store.add([message(sequence_number=1), message(sequence_number=2)]), 2)
        bad = message(sequence_number=5)
        with self.assertRaises(lode.StoreVersionMismatchException) as cm:
            store.add([message(sequence_number=3), bad])
        e = cm.exception
        # The .NET meaning: ExpectedVersion is what the stream expected the 2nd message to carry
        # (2 + 2), ActualVersion is the SequenceNumber it carried.
        self.assertEqual((e.expected_version, e.actual_version), (4, 5))
        self.assertEqual(e.message_id, bad["Metadata"]["Message"]["Id"])
        self.assertEqual(e.store_id, "EventStores/BankAccount/1")
        self.assertEqual(e.metadata, bad["Metadata"])  # .NET Metadata: the refused message's
        self.assertEqual(store.version(), 2)
        self.assertEqual(self.log_count(), 2)
        with self.assertRaises(lode.StoreVersionMismatchException):
            store.add([message(sequence_number=2)])  # stale

    def test_b_app_4_missing_sequence_number_is_written_into_the_stored_json(self) -> None:
        """B-APP-4: a message without SequenceNumber gets the next version written in."""
        store = self.open()
        store.add([message()])
        store.add([raw_message("x")])
        for version, m in enumerate(store.get(), start=1):
            self.assertEqual(m.sequence_number, version)
            self.assertEqual(json.loads(m.raw)["Metadata"]["Context"]["SequenceNumber"], version)

    def test_b_app_5_the_batch_is_atomic(self) -> None:
        """B-APP-5: invalid JSON in the 3rd message writes nothing of the batch."""
        store = self.open()
        store.add([message()])
        with self.assertRaises(lode.EventStoreSerializationError):
            store.add([message(), message(), b"{not json"])
        self.assertEqual(store.version(), 1)
        self.assertEqual(self.log_count(), 1)
        self.assertEqual(store.add([message()]), 2)

    def test_b_app_6_an_exact_retry_returns_the_same_version_and_writes_nothing(self) -> None:
        """B-APP-6: re-adding the same batch is a retry: same version, nothing written."""
        store = self.open()
        batch = [message(), message()]
        self.assertEqual(store.add(batch), 2)
        store.add([message()])
        self.assertEqual(store.add(batch), 2)
        self.assertEqual(store.version(), 3)
        self.assertEqual(self.log_count(), 3)
        with_numbers = [message(sequence_number=4)]
        self.assertEqual(store.add(with_numbers), 4)
        self.assertEqual(store.add(with_numbers), 4)
        self.assertEqual(self.log_count(), 4)

    def test_b_app_6_any_other_reuse_of_an_id_is_a_duplicate(self) -> None:
        """B-APP-6: an id reused outside an exact retry raises DuplicateEventStoreIdempotencyIdException."""
        store = self.open()
        first, second = message(), message()
        store.add([first, second])
        ids = (first["Metadata"]["Message"]["Id"], second["Metadata"]["Message"]["Id"], "d")
        for batch in ([message(), first], [second, first], [raw_message("d"), raw_message("d")]):
            with self.subTest(size=len(batch)):
                with self.assertRaises(lode.DuplicateEventStoreIdempotencyIdException) as cm:
                    store.add(batch)
                self.assertIn(cm.exception.id, ids)
        self.assertEqual(store.version(), 2)
        self.assertEqual(self.log_count(), 2)
        self.assertEqual(store.add([second]), 2)  # a tail of the stream is still an exact retry

    def test_b_app_7_the_store_records_its_own_time_and_position(self) -> None:
        """B-APP-7: recorded-at comes from the store's clock; the client's CreatedDate is kept."""
        store = self.open()
        m = message()
        m["Metadata"]["Message"]["CreatedDate"] = "2001-01-01T00:00:00+00:00"
        before = datetime.now(timezone.utc)
        store.add([m])
        record = self.provider.read_log()[0]
        self.assertEqual(record.position, 1)
        self.assertLess(abs(record.recorded_at - before), timedelta(seconds=5))
        self.assertEqual(record.recorded_at.tzinfo, timezone.utc)
        self.assertEqual(record.message.metadata["Message"]["CreatedDate"], "2001-01-01T00:00:00+00:00")

    def test_b_app_8_messages_without_required_fields_are_refused(self) -> None:
        """B-APP-8: not an object, or no Message.Id/Name/Domain: refused naming the batch index."""
        store = self.open()
        good = raw_message("ok")
        bad = [
            b"[]",
            good.replace(b'"Id":"ok",', b""),
            good.replace(b'"Name":"X",', b""),
            good.replace(b'"Domain":{"Id":"1","Name":"A"}', b'"Other":1'),
        ]
        for payload in bad:
            with self.subTest(payload=payload[:40]):
                with self.assertRaises((lode.EventStoreArgumentError, lode.EventStoreSerializationError)) as cm:
                    store.add([message(), payload])
                self.assertIn("1", str(cm.exception.details.get("argument") or cm.exception.details.get("key")))
        self.assertEqual(store.version(), 0)


class ReadTest(StoreTest):
    def test_b_rd_1_read_all_in_version_order_and_unknown_stream_is_empty(self) -> None:
        """B-RD-1: get returns the messages in version order; an unknown stream gives []."""
        store = self.open()
        names = [f"E{i}" for i in range(5)]
        store.add([message(name=n) for n in names])
        self.assertEqual([m.name for m in store.get(use_snapshot=False)], names)
        self.assertEqual(self.open("Unknown", "x").get(), [])

    def test_b_rd_1_raw_bytes_are_exactly_as_stored(self) -> None:
        """B-RD-1: each message's raw bytes are the stored bytes, spacing and escapes included."""
        stored = (
            '{ "Event" : {"$type":"X","s":"é \\u00e9 \\"q\\" ]}"}, "Metadata":{"Message":{"Id":"q","Name":"X",'
            '"Domain":{"Id":"1","Name":"A"}},"Context":{"SequenceNumber":1}} }'
        ).encode()
        store = self.open()
        store.add([stored, raw_message("after")])
        got = store.get()
        self.assertEqual(got[0].raw, stored)
        self.assertEqual(got[0].event["s"], 'é é "q" ]}')
        self.assertEqual(got[1].message_id, "after")
        self.assertEqual(self.provider.read_log()[0].message.raw, stored)
        self.assertEqual(got[0].to_dict(), json.loads(stored))

    def test_b_rd_2_read_with_snapshot_starts_with_the_latest_snapshot(self) -> None:
        """B-RD-2: with snapshot, the latest snapshot comes first, then the later events."""
        store = self.open()
        store.add([message() for _ in range(5)])
        self.assertEqual(store.get(), store.get(use_snapshot=False))  # no snapshot: same
        store.snapshot(2, message(name="State2"))
        store.snapshot(3, message(name="State3"))
        got = store.get()
        self.assertEqual([m.name for m in got], ["State3", "FundsDeposited", "FundsDeposited"])
        self.assertEqual(self.seq(got[1:]), [4, 5])
        self.assertEqual(len(store.get(use_snapshot=False)), 5)

    def test_b_rd_3_read_up_to_a_version(self) -> None:
        """B-RD-3: get_to(V) gives 1..V (or the snapshot at or below V); 0 gives []; past the end raises."""
        store = self.open()
        store.add([message() for _ in range(6)])
        self.assertEqual(self.seq(store.get_to(4, use_snapshot=False)), [1, 2, 3, 4])
        self.assertEqual(store.get_to(0), [])
        store.snapshot(2, message(name="S2"))
        store.snapshot(5, message(name="S5"))
        got = store.get_to(4)
        self.assertEqual([m.name for m in got][0], "S2")
        self.assertEqual(self.seq(got[1:]), [3, 4])
        with self.assertRaises(lode.StreamVersionNotFoundException) as cm:
            store.get_to(7)
        self.assertEqual((cm.exception.version, cm.exception.current_version), (7, 6))
        with self.assertRaises(lode.EventStoreArgumentError):
            store.get_to(-1)

    def test_b_rd_4_slices_are_inclusive_and_clipped(self) -> None:
        """B-RD-4: slice(first, last) is inclusive; outside parts are absent; first < 1 is invalid."""
        store = self.open()
        store.add([message() for _ in range(10)])
        self.assertEqual(self.seq(store.get_slice(3, 5)), [3, 4, 5])
        self.assertEqual(store.get_slice(15, 20), [])
        self.assertEqual(self.seq(store.get_slice(5, 100)), [5, 6, 7, 8, 9, 10])
        self.assertEqual(store.get_slice(6, 5), [])
        with self.assertRaises(lode.EventStoreArgumentError):
            store.get_slice(0, 3)

    def test_b_rd_5_version_is_the_current_version(self) -> None:
        """B-RD-5: version is 0 for an empty stream, then the last version."""
        store = self.open()
        self.assertEqual(store.version(), 0)
        store.add([message() for _ in range(3)])
        self.assertEqual(store.version(), 3)
