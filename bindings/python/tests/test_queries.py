"""Global log, queries, commands and immutability (Q-*)."""

from __future__ import annotations

import inspect
from datetime import timedelta

import lode
from support import StoreTest, message


class QueryTest(StoreTest):
    def fill(self) -> None:
        a = self.open("Account", "a")
        b = self.open("Account", "b")
        a.add([message("a", "Opened", "Account"), message("a", "Deposited", "Account")])
        b.add([message("b", "Opened", "Account")])
        a.add([message("a", "Deposited", "Account", correlation_id="corr-1"),
               message("a", "Deposited", "Account", version=2, correlation_id="corr-1")])
        b.add([message("b", "Deposited", "Account", correlation_id="corr-1")])

    def test_q_log_1_positions_are_global_gap_free_and_contiguous_per_batch(self) -> None:
        """Q-LOG-1: positions 1..n across streams in commit order; one batch is contiguous."""
        self.fill()
        log = self.provider.read_log()
        self.assertEqual([r.position for r in log], [1, 2, 3, 4, 5, 6])
        self.assertEqual([(r.aggregate_id, r.aggregate_version) for r in log],
                         [("a", 1), ("a", 2), ("b", 1), ("a", 3), ("a", 4), ("b", 2)])
        times = [r.recorded_at for r in log]
        self.assertEqual(times, sorted(times))

    def test_q_log_2_read_log_from_a_position_at_most_n_with_the_envelope(self) -> None:
        """Q-LOG-2: read_log(from, max) ascending; records carry the envelope and the message."""
        self.fill()
        page = self.provider.read_log(from_position=2, max=3)
        self.assertEqual([r.position for r in page], [2, 3, 4])
        self.assertEqual(self.provider.read_log(from_position=7), [])
        self.assertEqual(self.provider.read_log(max=0), [])
        r = self.provider.read_log(4, 1)[0]
        self.assertEqual((r.partition, r.aggregate_type, r.aggregate_id, r.aggregate_version),
                         ("EventStores", "Account", "a", 3))
        self.assertEqual((r.event_type, r.event_version, r.actor, r.correlation_id), ("Deposited", 1, "system", "corr-1"))
        self.assertEqual(r.event_id, r.message.message_id)
        self.assertIsNone(r.causation_id)
        self.assertEqual(r.message.sequence_number, 3)
        self.assertIsNotNone(r.recorded_at.tzinfo)
        with self.assertRaises(lode.EventStoreArgumentError):
            self.provider.read_log(-1)
        with self.assertRaises(AttributeError):  # frozen dataclass
            r.position = 9  # type: ignore[misc]

    def test_q_log_2_envelope_extras_actor_type_source_causation(self) -> None:
        """Q-LOG-2: ActorType, Source and CausationId of the Context reach the record."""
        m = message("x")
        m["Metadata"]["Context"].update({"ActorType": "user", "Source": "api", "CausationId": "cause-1"})
        self.open("Account", "x").add([m])
        r = self.provider.read_log()[0]
        self.assertEqual((r.actor_type, r.source, r.causation_id), ("user", "api", "cause-1"))

    def test_q_q_1_by_event_type_and_version(self) -> None:
        """Q-Q-1: events by type, optionally of one event version, from a position, at most N."""
        self.fill()
        deposited = self.provider.events_by_type("Deposited")
        self.assertEqual([r.position for r in deposited], [2, 4, 5, 6])
        self.assertEqual([r.position for r in self.provider.events_by_type("Deposited", event_version=2)], [5])
        self.assertEqual([r.position for r in self.provider.events_by_type("Deposited", event_version=1)], [2, 4, 6])
        self.assertEqual([r.position for r in self.provider.events_by_type("Deposited", from_position=3, max=2)], [4, 5])
        self.assertEqual(deposited[2].message.event["$type"], "DepositedV2")
        self.assertEqual(self.provider.events_by_type("Nothing"), [])

    def test_q_q_2_by_recorded_time_half_open_range(self) -> None:
        """Q-Q-2: events recorded in [start, end), at most N."""
        self.fill()
        log = self.provider.read_log()
        start, last = log[0].recorded_at, log[-1].recorded_at
        everything = self.provider.events_by_time(start, last + timedelta(microseconds=1))
        self.assertEqual([r.position for r in everything], [1, 2, 3, 4, 5, 6])
        before_last = self.provider.events_by_time(start, last)
        self.assertTrue(all(r.recorded_at < last for r in before_last))
        self.assertEqual(len(self.provider.events_by_time(start, last + timedelta(seconds=1), max=2)), 2)
        self.assertEqual(self.provider.events_by_time(last + timedelta(seconds=1), last + timedelta(seconds=2)), [])

    def test_q_q_3_by_correlation_id(self) -> None:
        """Q-Q-3: events by correlation id, across streams."""
        self.fill()
        self.assertEqual([r.position for r in self.provider.events_by_correlation("corr-1")], [4, 5, 6])
        self.assertEqual([r.position for r in self.provider.events_by_correlation("corr-1", from_position=5, max=1)], [5])
        self.assertEqual(self.provider.events_by_correlation("unknown"), [])

    def test_q_q_4_stream_events_since_without_a_session(self) -> None:
        """Q-Q-4: events of one stream after version V, with no session open."""
        self.fill()
        since = self.provider.stream_events_since("Account", "a", 1)
        self.assertEqual([r.aggregate_version for r in since], [2, 3, 4])
        self.assertEqual(len(self.provider.stream_events_since("Account", "a", 1, max=1)), 1)
        self.assertEqual(self.provider.stream_events_since("Account", "a", 4), [])
        self.assertEqual(self.provider.stream_events_since("Account", "a", 0, database="Other"), [])
        self.assertEqual(len(self.provider.stream_events_since("Account", "b", 0, database="EventStores")), 2)

    def test_q_cmd_1_command_recorded_with_the_append_and_refused_twice(self) -> None:
        """Q-CMD-1: a command id is recorded with its events; the second use writes nothing."""
        store = self.open()
        self.assertFalse(self.provider.command_processed("cmd-1"))
        self.assertEqual(store.add_with_command([message(), message()], "cmd-1", "Deposit", "joe"), 2)
        with self.assertRaises(lode.DuplicateEventStoreIdempotencyIdException) as cm:
            store.add_with_command([message()], "cmd-1")
        self.assertEqual(cm.exception.id, "cmd-1")
        self.assertEqual(store.version(), 2)
        self.assertEqual(self.log_count(), 2)

    def test_q_cmd_1_failed_append_records_no_command(self) -> None:
        """Q-CMD-1: the command is recorded in the same transaction: a failed append leaves no record."""
        store = self.open()
        with self.assertRaises(lode.StoreVersionMismatchException):
            store.add_with_command([message(sequence_number=9)], "cmd-x")
        self.assertFalse(self.provider.command_processed("cmd-x"))

    def test_q_cmd_2_command_record_when_who_what(self) -> None:
        """Q-CMD-2: processed yes/no, and the record: when, by whom, which stream and versions."""
        store = self.open()
        store.add([message()])
        store.add_with_command([message(), message()], "cmd-2", command_type="Deposit", actor="joe")
        store.add_with_command([message(user_id="ann")], "cmd-3")
        self.assertTrue(self.provider.command_processed("cmd-2"))
        record = self.provider.get_command("cmd-2")
        self.assertEqual(
            (record.command_id, record.command_type, record.actor, record.partition,
             record.aggregate_type, record.aggregate_id, record.first_version, record.last_version),
            ("cmd-2", "Deposit", "joe", "EventStores", "BankAccount", "1", 2, 3),
        )
        self.assertEqual(record.processed_at, self.provider.read_log()[2].recorded_at)
        third = self.provider.get_command("cmd-3")
        self.assertEqual((third.actor, third.command_type), ("ann", None))
        with self.assertRaises(lode.StreamIdempotencyIdNotFoundException) as cm:
            self.provider.get_command("never")
        self.assertEqual(cm.exception.id, "never")

    def test_q_imm_1_no_call_updates_or_deletes_events(self) -> None:
        """Q-IMM-1: the API has no update or delete of events; only snapshots and leases are removed."""
        public = {
            cls.__name__: sorted(n for n, _ in inspect.getmembers(cls, callable) if not n.startswith("_"))
            for cls in (lode.EventStore, lode.EventStoreProvider)
        }
        self.assertEqual(public["EventStore"], sorted([
            "add", "add_with_checkpoint", "add_with_command", "clear_snapshot", "clear_snapshots", "close", "free", "get",
            "get_slice", "get_to", "last_snapshot_version", "renew", "reopen", "snapshot",
            "snapshot_all", "snapshot_versions", "version"]))
        self.assertEqual(public["EventStoreProvider"], sorted([
            "backup", "check_backup", "checkpoint", "close", "command_processed", "events_by_correlation",
            "events_by_time", "events_by_type", "get_command", "head_position", "open_store", "open_store_for",
            "read_log", "reset_checkpoint", "store_checkpoint", "stream_events_since", "subscribe", "verify",
            "wait_for_position"]))
        store = self.open()
        store.add([message()])
        before = store.get()[0].raw
        store.snapshot(1, message(name="S"))
        store.clear_snapshots()
        store.close()
        store.reopen()
        self.assertEqual(store.get()[0].raw, before)
        self.assertEqual(self.provider.read_log()[0].message.raw, before)


class IndexedQueryTest(QueryTest):
    """Every query test again with ``index_lag=0``: each append is indexed as it commits, so
    the answers come from the indexes, where the default lag answers these small stores from
    the unindexed tail of the log (docs/storage-layout.md, "The unindexed tail")."""

    provider_options = {"index_lag": 0}

    def test_index_lag_out_of_range_is_an_argument_error(self) -> None:
        with self.assertRaises(lode.EventStoreArgumentError) as cm:
            lode.EventStoreProvider(self.path + "/other", index_lag=4097)
        self.assertIn("index_lag", str(cm.exception))
