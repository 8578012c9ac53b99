"""R-PROC-1 from Python: a provider or store inherited across fork() fails fast in the child
with the binding's storage exception, telling it to open a new provider; a provider the child
opens itself works; the parent loses nothing and sees the child's events. Real child processes:
multiprocessing with the fork start method, and a bare os.fork()."""

from __future__ import annotations

import json
import multiprocessing
import os
import unittest
from typing import Any, Callable, Dict, List, Tuple

import lode
from support import StoreTest, message

FORK = hasattr(os, "fork") and "fork" in multiprocessing.get_all_start_methods()


def child_checks(provider: lode.EventStoreProvider, store: lode.EventStore, path: str, sub: lode.Subscription) -> Dict[str, Any]:
    """Runs in the child: what each use of the inherited handles raised, then the same work
    through a provider of its own. Plain data only, to send back to the parent."""
    results: Dict[str, Any] = {"pid": os.getpid()}

    def attempt(name: str, call: Callable[[], Any]) -> None:
        try:
            call()
            results[name] = {"raised": None}
        except lode.EventStoreError as e:
            results[name] = {"raised": type(e).__name__, "message": e.message, "code": e.code,
                             "cause": type(e.__cause__).__name__, "code_name": getattr(e, "storage_code_name", None)}
        except BaseException as e:  # anything else is a failure the parent reports
            results[name] = {"raised": type(e).__name__, "message": str(e)}

    inherited: List[Any] = [
        ("provider.read_log", provider.read_log),
        ("provider.events_by_type", lambda: provider.events_by_type("FundsDeposited")),
        ("provider.open_store", lambda: provider.open_store("Child", "via-inherited", open_timeout=0)),
        ("store.version", store.version),
        ("store.get", store.get),
        ("store.add", lambda: store.add([message("1")])),
        ("subscription.next_page", lambda: sub.next_page(0)),
        ("subscription.next_page forever", sub.next_page),
        ("provider.subscribe", provider.subscribe),
        ("provider.wait_for_position", lambda: provider.wait_for_position(10**9, 60)),
    ]
    for name, call in inherited:
        attempt(name, call)
    own_id = str(os.getpid())
    try:
        with lode.EventStoreProvider(path) as own:
            with own.open_store("Child", own_id) as mine:
                version = mine.add([message(own_id, aggregate_name="Child"), message(own_id, aggregate_name="Child")])
                read_back = [m.sequence_number for m in mine.get()]
            parent_stream = [r.aggregate_version for r in own.stream_events_since("BankAccount", "1", 0)]
            with own.subscribe(aggregate_type="Child", timeout=0) as mine_sub:
                subscribed = [r.aggregate_id for r in mine_sub]
            reached = own.wait_for_position(own.head_position(), 60)
        results["own"] = {"version": version, "read_back": read_back, "parent_stream": parent_stream,
                          "subscribed": subscribed, "reached": reached}
    except BaseException as e:
        results["own"] = {"error": repr(e)}
    # Releasing the inherited handles in the child must leave the parent's lease and files alone.
    attempt("subscription.close", sub.close)
    attempt("store.free", store.free)
    attempt("provider.close", provider.close)
    return results


def multiprocessing_child(provider: lode.EventStoreProvider, store: lode.EventStore, path: str, sub: lode.Subscription,
                          queue: Any) -> None:
    queue.put(json.dumps(child_checks(provider, store, path, sub)))


@unittest.skipUnless(FORK, "fork() is POSIX only")
class ForkTest(StoreTest):
    def parent_setup(self) -> lode.EventStore:
        store = self.open()  # BankAccount/1, lease held by this process
        store.add([message("1"), message("1")])
        return store

    def check_child(self, results: Dict[str, Any]) -> None:
        for name in ("provider.read_log", "provider.events_by_type", "provider.open_store", "store.version",
                     "store.get", "store.add", "subscription.next_page", "subscription.next_page forever",
                     "provider.subscribe", "provider.wait_for_position"):
            with self.subTest(call=name):
                r = results[name]
                self.assertEqual(r["raised"], "EventStoreStorageError", r)
                self.assertRegex(r["message"], r"(?i)open a new provider", r)
                self.assertIn("fork", r["message"])
                self.assertEqual((r["code"], r["cause"]), (12, "StorageCause"))
        pid = str(results["pid"])
        self.assertEqual(results["own"], {"version": 2, "read_back": [1, 2], "parent_stream": [1, 2],
                                          "subscribed": [pid, pid], "reached": True})
        self.assertEqual(results["subscription.close"], {"raised": None})

    def check_parent(self, store: lode.EventStore, child_pid: int) -> None:
        self.assertEqual(store.add([message("1")]), 3)  # the parent's session still works
        self.assertEqual(self.seq(store.get()), [1, 2, 3])
        child = self.provider.stream_events_since("Child", str(child_pid), 0)
        self.assertEqual([r.aggregate_version for r in child], [1, 2])
        self.assertEqual([r.position for r in self.provider.read_log()], [1, 2, 3, 4, 5])
        with self.assertRaises(lode.OpenStoreFailedException) as cm:  # the child freed nothing of ours
            self.provider.open_store("BankAccount", "1", open_timeout=0)
        self.assertEqual(cm.exception.holder_pid, os.getpid())
        with lode.EventStoreProvider(self.path) as again:  # a new provider here sees it all too
            self.assertEqual(len(again.read_log()), 5)

    def test_r_proc_1_inherited_handles_fail_fast_in_a_multiprocessing_fork_child(self) -> None:
        """R-PROC-1: multiprocessing (fork start method): the inherited provider and store raise
        EventStoreStorageError saying to open a new provider; the child's own provider appends
        and reads; the parent keeps its session and sees the child's events."""
        store = self.parent_setup()
        context = multiprocessing.get_context("fork")
        queue = context.Queue()
        sub = self.provider.subscribe()
        child = context.Process(target=multiprocessing_child, args=(self.provider, store, self.path, sub, queue))
        child.start()
        try:
            results = json.loads(queue.get(timeout=120))
        finally:
            child.join(120)
            if child.is_alive():
                child.kill()
        self.assertEqual(child.exitcode, 0)
        self.check_child(results)
        self.check_parent(store, results["pid"])
        self.assertEqual(len(sub.next_page(0)), 5)  # the parent's subscription goes on

    def bare_fork(self, store: lode.EventStore, sub: lode.Subscription) -> Tuple[int, int, bytes]:
        """Runs child_checks in a child made by a bare os.fork(), which reports through a pipe
        and leaves with os._exit (never returning into the test runner); returns the child's
        pid, its wait status and its report."""
        read_end, write_end = os.pipe()
        pid = os.fork()
        if pid == 0:
            code = 1
            try:
                os.close(read_end)
                payload = json.dumps(child_checks(self.provider, store, self.path, sub)).encode()
                with os.fdopen(write_end, "wb") as out:
                    out.write(payload)
                code = 0
            finally:
                os._exit(code)
        os.close(write_end)
        with os.fdopen(read_end, "rb") as pipe:
            payload = pipe.read()
        _, status = os.waitpid(pid, 0)
        return pid, status, payload

    def test_r_proc_1_inherited_handles_fail_fast_after_a_bare_os_fork(self) -> None:
        """R-PROC-1: the same after a bare os.fork(), the child reporting through a pipe and
        leaving with os._exit."""
        store = self.parent_setup()
        sub = self.provider.subscribe()
        pid, status, payload = self.bare_fork(store, sub)
        self.assertEqual(os.waitstatus_to_exitcode(status), 0)
        results = json.loads(payload)
        self.assertEqual(results["pid"], pid)
        self.check_child(results)
        self.check_parent(store, pid)
        self.assertEqual(len(sub.next_page(0)), 5)  # the parent's subscription goes on

    def test_r_proc_1_a_subscription_a_parent_thread_waits_on_fails_fast_in_the_child(self) -> None:
        """R-PROC-1, S-SUB-8: a subscription that a parent thread is waiting on at the fork (a
        consumer thread, the common case) fails fast in the child with the storage exception
        saying to open a new provider (found broken: it said another thread was already in
        next_page, for ever), and closes cleanly there."""
        import threading
        import time

        store = self.parent_setup()
        sub = self.provider.subscribe(after=2)
        consumer = threading.Thread(target=lambda: [None for _ in sub])
        consumer.start()
        time.sleep(0.1)  # the consumer is waiting in the library
        pid, status, payload = self.bare_fork(store, sub)
        sub.stop()
        consumer.join(60)
        self.assertFalse(consumer.is_alive())
        self.assertEqual(os.waitstatus_to_exitcode(status), 0)
        results = json.loads(payload)
        self.check_child(results)
        self.check_parent(store, pid)
