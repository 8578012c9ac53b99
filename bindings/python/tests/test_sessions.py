"""Identity (B-ID-*) and sessions (B-SES-*)."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from datetime import datetime, timedelta, timezone

import lode
from support import StoreTest, message


class IdentityTest(StoreTest):
    def test_b_id_1_stream_is_database_name_id_with_default_database(self) -> None:
        """B-ID-1: (database, name, id) identifies a stream; database defaults to EventStores."""
        a = self.open("BankAccount", "1")
        b = self.open("BankAccount", "1", database="Tenant2")
        c = self.open("BankAccount", "2")
        a.add([message("1"), message("1")])
        b.add([message("1")])
        self.assertEqual((a.version(), b.version(), c.version()), (2, 1, 0))
        partitions = [r.partition for r in self.provider.read_log()]
        self.assertEqual(partitions, ["EventStores", "EventStores", "Tenant2"])

    def test_b_id_1_provider_default_database_setting(self) -> None:
        """B-ID-1: the provider's default_database setting is the default partition."""
        with lode.EventStoreProvider(self.path + "/other", default_database="Tenant") as p:
            with p.open_store("A", "1") as s:
                s.add([message("1")])
                self.assertEqual(s.store_id, "Tenant/A/1")
            self.assertEqual(p.read_log()[0].partition, "Tenant")
            self.assertEqual(len(p.stream_events_since("A", "1", 0, database="Tenant")), 1)

    def test_b_id_2_empty_long_or_nul_parts_are_invalid_arguments(self) -> None:
        """B-ID-2: empty, over-long or NUL-containing parts raise an argument error naming the part."""
        cases = [("", "1", None, "name"), ("A", "", None, "id"), ("A", "1", "", "database"),
                 ("A", "x" * 161, None, "id"), ("A", "a\0b", None, "id"), ("B\0", "1", None, "name")]
        for name, id, database, part in cases:
            with self.subTest(part=part, name=name[:5], id=id[:5]):
                with self.assertRaises(lode.EventStoreArgumentError) as cm:
                    self.provider.open_store(name, id, database=database)
                self.assertIsInstance(cm.exception, ValueError)
                self.assertEqual(cm.exception.argument, part)
        # Real ids fit: at least 128 bytes each (the limit is 160).
        long_store = self.open("N" * 160, "i" * 160, database="d" * 160)
        self.assertEqual(long_store.add([message()]), 1)

    def test_b_id_3_store_id_is_database_slash_name_slash_id(self) -> None:
        """B-ID-3: errors name the store as database/name/id."""
        store = self.open("BankAccount", "42", database="Main")
        with self.assertRaises(lode.StreamVersionNotFoundException) as cm:
            store.get_to(5)
        self.assertEqual(cm.exception.store_id, "Main/BankAccount/42")
        self.assertIn("Main/BankAccount/42", str(cm.exception))


class SessionTest(StoreTest):
    def test_b_ses_1_calls_need_an_open_session(self) -> None:
        """B-SES-1, B-SES-4: after close every call raises StoreNotOpenException until reopen."""
        store = self.open()
        store.add([message()])
        store.close()
        for call in (lambda: store.add([message()]), store.get, store.version, lambda: store.get_slice(1, 2),
                     store.snapshot_versions, store.renew):
            with self.assertRaises(lode.StoreNotOpenException) as cm:
                call()
            self.assertEqual(cm.exception.store_id, "EventStores/BankAccount/1")
        store.reopen()
        self.assertEqual(store.version(), 1)

    def test_b_ses_1_default_session_timeout_is_60_seconds(self) -> None:
        """B-SES-1: the default session timeout is 60 s (seen in the holder's expiry)."""
        self.open()
        with self.assertRaises(lode.OpenStoreFailedException) as cm:
            self.provider.open_store("BankAccount", "1", open_timeout=0)
        expires = cm.exception.holder_expires_at
        assert expires is not None
        remaining = (expires - datetime.now(timezone.utc)).total_seconds()
        self.assertTrue(55 < remaining <= 60, remaining)

    def test_b_ses_1_provider_default_open_timeout_is_used(self) -> None:
        """B-SES-1, B-SES-3: open waits the provider's default open timeout before failing."""
        with lode.EventStoreProvider(self.path, default_open_timeout=timedelta(milliseconds=300)) as p:
            held = p.open_store("A", "1")
            start = time.monotonic()
            with self.assertRaises(lode.OpenStoreFailedException) as cm:
                p.open_store("A", "1")
            self.assertGreaterEqual(time.monotonic() - start, 0.28)
            self.assertEqual(cm.exception.timeout, timedelta(milliseconds=300))
            held.free()

    def test_b_ses_2_lease_holds_across_threads(self) -> None:
        """B-SES-2: a lease taken on one thread refuses an open on another."""
        self.open()
        errors: list = []  # type: ignore[type-arg]

        def other() -> None:
            try:
                self.provider.open_store("BankAccount", "1", open_timeout=0)
            except lode.OpenStoreFailedException as e:
                errors.append(e)

        t = threading.Thread(target=other)
        t.start()
        t.join()
        self.assertEqual(len(errors), 1)

    def test_b_ses_2_lease_holds_across_processes(self) -> None:
        """B-SES-2: a lease taken in this process refuses an open in another process."""
        self.open()
        script = (
            "import sys, lode\n"
            "p = lode.EventStoreProvider(sys.argv[1])\n"
            "try:\n"
            "    p.open_store('BankAccount', '1', open_timeout=0)\n"
            "except lode.OpenStoreFailedException as e:\n"
            "    sys.exit(0 if e.holder_pid == int(sys.argv[2]) else 3)\n"
            "sys.exit(2)\n"
        )
        env = dict(os.environ, PYTHONPATH=os.pathsep.join(p for p in sys.path if p))
        done = subprocess.run([sys.executable, "-c", script, self.path, str(os.getpid())], env=env, timeout=60)
        self.assertEqual(done.returncode, 0)

    def test_b_ses_3_open_fails_after_the_open_timeout_with_holder_details(self) -> None:
        """B-SES-3: a live lease makes open fail with OpenStoreFailed (store id, timeout, holder)."""
        self.open()
        start = time.monotonic()
        with self.assertRaises(lode.OpenStoreFailedException) as cm:
            self.provider.open_store("BankAccount", "1", open_timeout=0.25)
        self.assertGreaterEqual(time.monotonic() - start, 0.24)
        e = cm.exception
        self.assertEqual(e.store_id, "EventStores/BankAccount/1")
        self.assertEqual(e.timeout, timedelta(milliseconds=250))
        self.assertEqual(e.holder_pid, os.getpid())
        self.assertTrue(e.holder_session_id)
        self.assertEqual(e.code, 5)
        self.assertEqual(e.kind, "OpenStoreFailed")

    def test_b_ses_3_open_timeout_zero_tries_once(self) -> None:
        """B-SES-3: open timeout 0 fails at once."""
        self.open()
        start = time.monotonic()
        with self.assertRaises(lode.OpenStoreFailedException):
            self.provider.open_store("BankAccount", "1", open_timeout=0)
        self.assertLess(time.monotonic() - start, 0.2)

    def test_b_ses_3_open_retries_until_the_lease_expires(self) -> None:
        """B-SES-3: open retries while the lease is live and succeeds once it has expired."""
        self.open(session_timeout=0.3)
        start = time.monotonic()
        second = self.open(open_timeout=5)
        self.assertGreaterEqual(time.monotonic() - start, 0.2)
        self.assertEqual(second.add([message()]), 1)

    def test_b_ses_3_expired_lease_is_free(self) -> None:
        """B-SES-3: a lease whose expiry has passed does not block, even with open timeout 0."""
        self.open(session_timeout=0.2)
        time.sleep(0.3)
        self.open(open_timeout=0).add([message()])

    def test_b_ses_4_expired_session_raises_session_expired(self) -> None:
        """B-SES-4: calls on an expired session raise StoreSessionExpiredException (session, expiry)."""
        store = self.open(session_timeout=0.2)
        store.add([message()])
        time.sleep(0.35)
        with self.assertRaises(lode.StoreSessionExpiredException) as cm:
            store.add([message()])
        e = cm.exception
        self.assertTrue(e.session_id)
        assert e.expiration is not None
        self.assertLess(e.expiration, datetime.now(timezone.utc))
        self.assertEqual(e.store_id, "EventStores/BankAccount/1")
        with self.assertRaises(lode.StoreSessionExpiredException):
            store.get()

    def test_b_ses_4_session_replaced_by_another_raises_invalid_session(self) -> None:
        """B-SES-4: A expires, B opens the stream, a call on A raises InvalidStoreSessionException."""
        a = self.open(session_timeout=0.2)
        time.sleep(0.3)
        b = self.open(session_timeout=30)
        b.add([message()])
        with self.assertRaises(lode.InvalidStoreSessionException) as cm:
            a.add([message()])
        with self.assertRaises(lode.OpenStoreFailedException) as holder:
            self.provider.open_store("BankAccount", "1", open_timeout=0)
        self.assertEqual(cm.exception.holder_session_id, holder.exception.holder_session_id)
        self.assertNotEqual(cm.exception.session_id, cm.exception.holder_session_id)
        self.assertEqual(b.version(), 1)

    def test_b_ses_5_close_releases_the_lease_and_is_idempotent(self) -> None:
        """B-SES-5: close releases the lease; close and free are idempotent."""
        a = self.open()
        a.close()
        a.close()
        b = self.open(open_timeout=0)
        b.free()
        b.free()
        with self.open(open_timeout=0):
            pass

    def test_b_ses_5_close_and_free_are_idempotent_in_any_order(self) -> None:
        """B-SES-5: close after free, free after close, each twice, and leaving the with block
        after either: nothing raises, and the lease is free afterwards."""
        orders = [("free", "close", "free", "close"), ("close", "free", "close", "free"), ("close", "close", "free", "free")]
        for order in orders:
            with self.subTest(order=order):
                with self.provider.open_store("BankAccount", "1", open_timeout=0) as store:
                    store.add([message()])
                    for step in order:
                        getattr(store, step)()
                with self.assertRaises(lode.ObjectDisposedError):
                    store.version()
                self.open(open_timeout=0).free()  # the lease was released
        self.assertEqual(self.open().version(), 3)

    def test_b_ses_5_stores_outlive_their_closed_provider(self) -> None:
        """B-SES-5: after the provider is closed its stores still work; close then frees the
        lease, and close/free in any order after that do nothing."""
        with lode.EventStoreProvider(self.path + "/own") as provider:
            a = provider.open_store("BankAccount", "1")
            b = provider.open_store("BankAccount", "2")
        self.assertEqual(a.add([message()]), 1)
        a.close()
        a.close()
        a.free()
        a.close()
        b.free()
        b.close()
        b.free()
        with lode.EventStoreProvider(self.path + "/own") as provider:
            for id in ("1", "2"):
                with provider.open_store("BankAccount", id, open_timeout=0) as again:
                    self.assertEqual(again.version(), 1 if id == "1" else 0)

    def test_b_ses_5_close_of_a_replaced_session_keeps_the_new_lease(self) -> None:
        """B-SES-5: closing a session whose lease was taken over leaves the new holder's lease."""
        a = self.open(session_timeout=0.2)
        time.sleep(0.3)
        b = self.open()
        a.close()
        with self.assertRaises(lode.OpenStoreFailedException):
            self.provider.open_store("BankAccount", "1", open_timeout=0)
        b.add([message()])

    def test_b_ses_6_renew_extends_a_valid_session(self) -> None:
        """B-SES-6: renew extends the session by its timeout; an expired one cannot be renewed."""
        store = self.open(session_timeout=0.5)
        time.sleep(0.3)
        store.renew()
        time.sleep(0.3)  # 0.6 s after open, 0.3 s after renew
        self.assertEqual(store.add([message()]), 1)
        time.sleep(0.7)
        with self.assertRaises(lode.StoreSessionExpiredException):
            store.renew()
