"""Live subscriptions and checkpoints (docs/subscriptions.md, S-SUB-*, S-CP-*)."""

from __future__ import annotations

import json
import os
import random
import re
import subprocess
import sys
import threading
import time
import unittest
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple

import lode
from support import StoreTest, message

MANIFEST = Path(__file__).resolve().parents[3] / "include" / "lode-manifest.json"
README = Path(__file__).resolve().parent.parent / "README.md"
ROOT_README = Path(__file__).resolve().parents[3] / "README.md"


def positions(records: List[lode.LogRecord]) -> List[int]:
    return [r.position for r in records]


class SubscriptionTest(StoreTest):
    provider_options = {"durability": "no_sync"}

    def fill(self, n: int, name: str = "Account", id: str = "1", **kwargs: Any) -> None:
        store = self.open(name, id)
        store.add([message(id, aggregate_name=name, **kwargs) for _ in range(n)])

    def test_s_sub_1_a_for_loop_gets_the_history_then_live_events_then_stops(self) -> None:
        """S-SUB-1: history in pages, then live events as they commit; stop() from another
        thread ends the for loop."""
        self.fill(25)
        store = self.open("Account", "2")
        got: List[int] = []
        sub = self.provider.subscribe(page_size=4)

        def writer() -> None:
            while len(got) < 25:
                time.sleep(0.005)
            for _ in range(5):
                store.add([message("2")])

        t = threading.Thread(target=writer)
        t.start()
        with sub:
            for record in sub:
                got.append(record.position)
                if len(got) == 30:
                    threading.Timer(0.05, sub.stop).start()
        t.join()
        self.assertEqual(got, list(range(1, 31)))
        self.assertTrue(sub.closed)
        self.assertEqual(sub.position, 30)
        with self.assertRaises(lode.ObjectDisposedError):
            sub.next_page(0)

    def test_s_sub_1_records_are_the_log_s_records_and_from_now_skips_the_history(self) -> None:
        """S-SUB-1: the records of read_log; after=N resumes after N; from_now starts at the end."""
        self.fill(5)
        with self.provider.subscribe(timeout=0) as sub:
            self.assertEqual(list(sub), self.provider.read_log())
        with self.provider.subscribe(after=3, timeout=0) as sub:
            self.assertEqual(positions(list(sub)), [4, 5])
        with self.provider.subscribe(from_now=True, timeout=0) as sub:
            self.assertEqual(sub.position, 5)
            self.assertEqual(list(sub), [])
            self.fill(1, id="late")
            self.assertEqual(positions(sub.next_page(0)), [6])
        with self.assertRaises(lode.EventStoreArgumentError):
            self.provider.subscribe(after=2, from_now=True)
        with self.assertRaises(lode.EventStoreArgumentError):
            self.provider.subscribe(after=-1)
        with self.assertRaises(lode.EventStoreArgumentError):
            self.provider.subscribe(page_size=0)
        with self.assertRaises(lode.EventStoreArgumentError):
            self.provider.subscribe(page_size=100_001)
        with self.assertRaises(TypeError):
            self.provider.subscribe(event_types="FundsDeposited")
        with self.assertRaises(TypeError):
            self.provider.subscribe(stream="Account")
        with self.assertRaises(lode.EventStoreArgumentError):
            self.provider.subscribe(event_types=[""])

    def test_s_sub_1_pages_and_the_timeout(self) -> None:
        """S-SUB-1, S-SUB-4: pages() gives whole pages, position is where each ends; the
        timeout ends the iteration when nothing comes."""
        self.fill(10)
        with self.provider.subscribe(page_size=4, timeout=0.05) as sub:
            pages = []
            for page in sub.pages():
                pages.append((positions(page), sub.position))
        self.assertEqual(pages, [([1, 2, 3, 4], 4), ([5, 6, 7, 8], 8), ([9, 10], 10)])
        with self.provider.subscribe(page_size=4) as sub:
            started = time.monotonic()
            sub.next_page(0)
            sub.next_page(0)
            sub.next_page(0)
            self.assertEqual(sub.next_page(0.05), [])
            self.assertGreaterEqual(time.monotonic() - started, 0.04)

    def test_s_sub_3_filters_and_their_combinations_against_a_model(self) -> None:
        """S-SUB-3: every filter, alone and combined, gives exactly what a model gives."""
        rng = random.Random(int(os.environ.get("LODE_SEED", "0")) or None)
        streams = [("Db1", "Account", "1"), ("Db1", "Account", "2"), ("Db2", "Account", "1"), ("Db1", "Order", "1")]
        stores = {s: self.open(s[1], s[2], database=s[0]) for s in streams}
        model: List[Dict[str, Any]] = []
        for i in range(150):
            s = rng.choice(streams)
            t = rng.choice(["Opened", "Deposited", "Closed"])
            v = rng.choice([1, 2])
            c = rng.choice(["c1", "c2", None])
            stores[s].add([message(s[2], t, s[1], version=v, correlation_id=c)])
            model.append({"position": i + 1, "stream": s, "type": t, "version": v, "corr": c})
        filters: List[Dict[str, Any]] = []
        for stream in [None, ("Account", "1"), ("Db2", "Account", "1")]:
            for aggregate_type in [None, "Order"]:
                for event_types in [None, ["Deposited"], [("Opened", 2), "Closed"]]:
                    for correlation_id in [None, "c2"]:
                        filters.append(
                            {"stream": stream, "aggregate_type": aggregate_type, "event_types": event_types, "correlation_id": correlation_id}
                        )

        def matches(f: Dict[str, Any], e: Dict[str, Any]) -> bool:
            s = f["stream"]
            if s is not None and (("EventStores",) + tuple(s) if len(s) == 2 else tuple(s)) != e["stream"]:
                return False
            if f["aggregate_type"] is not None and f["aggregate_type"] != e["stream"][1]:
                return False
            if f["event_types"] is not None:
                wanted = [(t, None) if isinstance(t, str) else t for t in f["event_types"]]
                if not any(t == e["type"] and v in (None, e["version"]) for t, v in wanted):
                    return False
            return f["correlation_id"] is None or f["correlation_id"] == e["corr"]

        for f in filters:
            with self.subTest(filter=f), self.provider.subscribe(page_size=rng.randint(1, 20), timeout=0, **f) as sub:
                self.assertEqual(positions(list(sub)), [e["position"] for e in model if matches(f, e)])
                self.assertEqual(sub.position, 150)

    def test_s_sub_8_stop_and_wake_from_another_thread_end_a_wait(self) -> None:
        """S-SUB-8: stop() ends a for loop blocked in its wait; wake() ends one next_page."""
        sub = self.provider.subscribe(from_now=True)
        threading.Timer(0.1, sub.wake).start()
        self.assertEqual(sub.next_page(), [])
        done = threading.Event()

        def consume() -> None:
            for _ in sub:
                pass
            done.set()

        t = threading.Thread(target=consume)
        t.start()
        time.sleep(0.05)
        self.assertFalse(done.is_set())
        sub.stop()
        t.join(30)
        self.assertTrue(done.is_set())
        sub.stop()  # idempotent

    def test_s_sub_8_a_wake_late_in_a_wait_slice_still_ends_the_wait(self) -> None:
        """S-SUB-8: wake() ends a waiting next_page whenever it comes, also near the end of one
        of the library waits a wait forever is made of (found broken: a wake in the last tenth
        of a slice returned from the library after "most of the slice", was taken for the
        slice's timeout, and the wait went on)."""
        from lode import subscriptions

        sub = self.provider.subscribe(from_now=True)
        slice_s = subscriptions._SLICE_MS / 1000
        # Wakes aimed at the last tenth of the first, second and third slice, and anywhere.
        rng = random.Random(7)
        delays = [k * slice_s + f * slice_s for k in range(3) for f in (0.93, 0.96, 0.99)]
        delays += [rng.uniform(0, 2 * slice_s) for _ in range(6)]
        for delay in delays:
            out: List[Any] = []
            t = threading.Thread(target=lambda: out.append(sub.next_page()))
            t.start()
            time.sleep(delay)
            sub.wake()
            t.join(60)
            lost = t.is_alive()
            if lost:
                sub.close()  # ends the lost wait, so the thread does not outlive the test
                t.join(60)
            self.assertFalse(lost, f"a wake {delay:.3f} s into the wait was lost")
            self.assertEqual(out, [[]])
        sub.close()

    def test_s_sub_9_another_process_s_commit_wakes_a_waiting_subscriber(self) -> None:
        """S-SUB-9, S-SUB-7: a commit of another process wakes a waiting subscriber and
        wait_for_position."""
        self.fill(1)
        sub = self.provider.subscribe(from_now=True)
        code = (
            "import lode, sys\n"
            "with lode.EventStoreProvider(sys.argv[1]) as p, p.open_store('Other', '1') as s:\n"
            "    s.add([lode.create_message({}, name='FromChild', aggregate_name='Other', aggregate_id='1')])\n"
        )
        env = dict(os.environ, PYTHONPATH=os.pathsep.join(sys.path))
        reached: List[bool] = []
        waiter = threading.Thread(target=lambda: reached.append(self.provider.wait_for_position(2, 120)))
        waiter.start()
        child = subprocess.Popen([sys.executable, "-c", code, self.path], env=env)
        page = sub.next_page(120)
        self.assertEqual(child.wait(120), 0)
        waiter.join(120)
        self.assertEqual([r.event_type for r in page], ["FromChild"])
        self.assertEqual(reached, [True])
        self.assertFalse(self.provider.wait_for_position(3, 0.01))
        self.assertEqual(self.provider.head_position(), 2)
        sub.close()

    def test_s_cp_checkpoints_alone_and_with_the_output(self) -> None:
        """S-CP-1..4: forward only, within the log, reset; stored with an append or not at all."""
        self.fill(5)
        p = self.provider
        self.assertIsNone(p.checkpoint("proj"))
        p.store_checkpoint("proj", 3)
        c = p.checkpoint("proj")
        assert c is not None
        self.assertEqual(c.position, 3)
        self.assertIsNotNone(c.stored_at.tzinfo)
        with self.assertRaises(lode.EventStoreArgumentError):
            p.store_checkpoint("proj", 2)
        with self.assertRaises(lode.EventStoreArgumentError):
            p.store_checkpoint("proj", 6)
        p.reset_checkpoint("proj", 1)
        self.assertEqual(p.checkpoint("proj"), lode.Checkpoint(1, p.checkpoint("proj").stored_at))  # type: ignore[union-attr]
        out = self.open("Out", "1")
        self.assertEqual(out.add_with_checkpoint([message("1", "Projected", "Out")], "proj", 5), 1)
        self.assertEqual(p.checkpoint("proj").position, 5)  # type: ignore[union-attr]
        with self.assertRaises(lode.EventStoreArgumentError):
            out.add_with_checkpoint([message("1", "Projected", "Out")], "proj", 4)
        with self.assertRaises(lode.StoreVersionMismatchException):
            out.add_with_checkpoint([message("1", "Projected", "Out", sequence_number=9)], "proj", 6)
        self.assertEqual(out.version(), 1)
        self.assertEqual(p.checkpoint("proj").position, 5)  # type: ignore[union-attr]
        self.assertEqual(out.add_with_checkpoint([], "proj", 6), 1)
        self.assertEqual(p.checkpoint("proj").position, 6)  # type: ignore[union-attr]
        for bad in ["", "n" * 401]:
            with self.assertRaises(lode.EventStoreArgumentError):
                p.checkpoint(bad)
            with self.assertRaises(lode.EventStoreArgumentError):
                p.store_checkpoint(bad, 1)
        with self.assertRaises(TypeError):
            p.store_checkpoint("proj", "7")  # type: ignore[arg-type]

    def test_s_cp_3_a_projection_resumed_from_its_checkpoint_counts_each_event_once(self) -> None:
        """S-CP-3: a projection stopped after any page and started again (a new subscription
        from its checkpoint) writes one output per input."""
        inputs = self.open("In", "1")
        out = self.open("Out", "1")
        total = 0
        for round in range(6):
            inputs.add([message("1", aggregate_name="In") for _ in range(random.randint(1, 30))])
            checkpoint = self.provider.checkpoint("proj")
            with self.provider.subscribe(after=checkpoint.position if checkpoint else 0, aggregate_type="In",
                                         page_size=random.randint(1, 7), timeout=0) as sub:
                for i, page in enumerate(sub.pages()):
                    out.add_with_checkpoint(
                        [message("1", "Projected", "Out", body={"Input": r.position}) for r in page], "proj", sub.position
                    )
                    if i == round:  # stop early: the next round resumes from the checkpoint
                        break
        with self.provider.subscribe(after=self.provider.checkpoint("proj").position, aggregate_type="In", timeout=0) as sub:  # type: ignore[union-attr]
            for page in sub.pages():
                out.add_with_checkpoint([message("1", "Projected", "Out", body={"Input": r.position}) for r in page], "proj", sub.position)
        projected = [m.event["Input"] for m in out.get()]
        total = len([r for r in self.provider.read_log(0, 100_000) if r.aggregate_type == "In"])
        self.assertEqual(len(projected), total)
        self.assertEqual(projected, sorted(set(projected)))

    @unittest.skipUnless(README.is_file(), "README.md is not next to these tests (an installed package)")
    def test_the_readme_projection_survives_a_restart(self) -> None:
        """README.md (this package's and the repository's): the projection example runs and
        counts each deposit once across the restart."""
        import contextlib
        import io

        readmes = [(README, r"## Subscriptions and a projection that survives a restart\n.*?```python\n(.*?)```")]
        if ROOT_README.is_file():
            readmes.append((ROOT_README, r"## Subscriptions: a projection that survives a restart\n.*?```python\n(.*?)```"))
        for path, pattern in readmes:
            with self.subTest(readme=str(path)):
                match = re.search(pattern, path.read_text(encoding="utf-8"), re.S)
                assert match is not None
                out = io.StringIO()
                with contextlib.redirect_stdout(out):
                    exec(compile(match.group(1), "<readme>", "exec"), {"__name__": "readme"})
                self.assertEqual(out.getvalue().splitlines(), ["{'A': 10, 'B': 5}", "{'A': 17, 'B': 5}"])

    def test_s_sub_6_a_thousand_subscriptions_are_freed(self) -> None:
        """S-SUB-6, R-RES-4: subscriptions opened, read and closed in a loop (and dropped
        without close) leave nothing behind: a closed handle stays closed."""
        self.fill(30)
        last = None
        for i in range(1000):
            sub = self.provider.subscribe(after=i % 10, page_size=5)
            self.assertEqual(len(sub.next_page(0)), 5)
            if i % 2:
                sub.close()
            last = sub
        assert last is not None
        with self.assertRaises(lode.ObjectDisposedError):
            last.next_page(0)


class SubscriptionManifestTest(unittest.TestCase):
    @unittest.skipUnless(MANIFEST.is_file(), "no manifest next to an installed package")
    def test_the_filter_keys_and_constants_are_the_library_s(self) -> None:
        m = json.loads(MANIFEST.read_text(encoding="utf-8"))
        every = json.loads(lode.subscriptions._filter_json("t", ("a", "b"), "x", ["T"], "c"))
        self.assertEqual(set(m["subscription_filter_keys"]), set(every))
        self.assertEqual(m["limits"]["LODE_DEFAULT_PAGE_SIZE"], lode.subscriptions.DEFAULT_PAGE_SIZE)
        self.assertEqual(m["limits"]["LODE_MAX_PAGE_SIZE"], lode.subscriptions.MAX_PAGE_SIZE)
        self.assertEqual(m["subscription_constants"]["LODE_FROM_NOW"], lode.subscriptions._FROM_NOW)


if __name__ == "__main__":
    unittest.main()
