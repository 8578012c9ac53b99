"""Online backup, verify and the check of a backup (docs/backup.md, K-BAK-*), through the
Python binding: what a backup returns and holds, progress, cancellation (returning False, an
exception, a real SIGINT), a target that exists, verify of a damaged copy, check_backup."""

from __future__ import annotations

import os
import signal
import stat
import threading
import unittest
from pathlib import Path
from typing import List, Optional

import lode

from support import StoreTest, message


class BackupTest(StoreTest):
    provider_options = {"durability": "no_meta_sync"}

    def fill(self, batches: int = 20, per_batch: int = 50, pad: int = 900, id: str = "1") -> None:
        with self.provider.open_store("BankAccount", id) as store:
            for b in range(batches):
                store.add([message(id, body={"B": b, "K": k, "Pad": "x" * pad}) for k in range(per_batch)])

    def target(self, name: str) -> str:
        return os.path.join(self.path, "..", os.path.basename(self.path) + "-" + name)

    def partials(self, target: str) -> List[str]:
        parent, name = os.path.split(os.path.abspath(target))
        return [e for e in os.listdir(parent) if e.startswith(name + ".partial-")]

    def tearDown(self) -> None:
        for e in os.listdir(os.path.dirname(os.path.abspath(self.path))):
            if e.startswith(os.path.basename(self.path) + "-"):
                import shutil

                shutil.rmtree(os.path.join(os.path.dirname(os.path.abspath(self.path)), e), ignore_errors=True)
        super().tearDown()

    def test_k_bak_1_backup_returns_what_the_copy_holds_and_the_copy_is_a_store(self) -> None:
        self.fill()
        target = self.target("b1")
        seen: List[lode.BackupProgress] = []
        info = self.provider.backup(target, progress=seen.append, max_bytes_per_second=8_000_000)
        self.assertIsInstance(info, lode.BackupInfo)
        self.assertEqual(info.position, 1000)
        self.assertEqual((info.compacted, info.verified, info.backend), (False, False, "lmdb"))
        self.assertEqual(os.path.realpath(info.source), os.path.realpath(self.path))
        self.assertEqual(seen[0].done, 0)
        self.assertEqual((seen[-1].done, seen[-1].total), (info.bytes, info.bytes))
        self.assertEqual([p.done for p in seen], sorted(p.done for p in seen))
        self.assertEqual(seen[-1].fraction, 1.0)
        report = lode.verify(target)
        self.assertTrue(report.ok, report)
        self.assertEqual((report.events, report.position, report.problems), (1000, 1000, []))
        # K-BAK-4: owner-only files.
        self.assertEqual(stat.S_IMODE(os.stat(target).st_mode), 0o700)
        self.assertEqual(stat.S_IMODE(os.stat(os.path.join(target, "data.mdb")).st_mode), 0o600)
        # Restore is opening the backup.
        with lode.EventStoreProvider(target) as restored, restored.open_store("BankAccount", "1") as s:
            self.assertEqual(s.version(), 1000)
            s.add([message("1")])
            self.assertEqual(restored.read_log(1001, 10)[0].position, 1001)

    def test_k_bak_1_compacted_and_verified(self) -> None:
        self.fill(batches=4)
        info = self.provider.backup(self.target("c"), compact=True, verify=True)
        self.assertTrue(info.compacted and info.verified)
        self.assertTrue(self.provider.check_backup(self.target("c")).ok)

    def test_k_bak_3_a_backup_never_overwrites(self) -> None:
        self.fill(batches=1)
        target = self.target("b")
        self.provider.backup(target)
        with self.assertRaises(lode.EventStoreArgumentError) as cm:
            self.provider.backup(target)
        self.assertIn("never overwrites", str(cm.exception))
        with self.assertRaises(lode.EventStoreArgumentError):
            self.provider.backup(self.path)
        with self.assertRaises(lode.EventStoreArgumentError):
            self.provider.backup(os.path.join(self.path, "inside"))
        self.assertFalse(os.path.exists(os.path.join(self.path, "inside")))

    def test_k_bak_5_returning_false_cancels_and_leaves_nothing(self) -> None:
        self.fill()
        target = self.target("cancelled")
        calls: List[int] = []

        def progress(p: lode.BackupProgress) -> Optional[bool]:
            calls.append(p.done)
            return len(calls) < 3  # None or True go on; False cancels

        with self.assertRaises(lode.EventStoreCancelledError) as cm:
            self.provider.backup(target, progress=progress, max_bytes_per_second=2_000_000)
        self.assertEqual(cm.exception.code, 15)
        self.assertIn("backup to", cm.exception.operation or "")
        self.assertEqual(len(calls), 3)
        self.assertFalse(os.path.exists(target))
        self.assertEqual(self.partials(target), [])

    def test_k_bak_5_an_exception_from_progress_cancels_and_is_raised_as_is(self) -> None:
        self.fill(batches=4)
        target = self.target("raised")
        boom = ValueError("the progress bar broke")

        def progress(p: lode.BackupProgress) -> None:
            raise boom

        with self.assertRaises(ValueError) as cm:
            self.provider.backup(target, progress=progress)
        self.assertIs(cm.exception, boom)
        self.assertFalse(os.path.exists(target))
        self.assertEqual(self.partials(target), [])

    @unittest.skipUnless(threading.current_thread() is threading.main_thread(), "signals go to the main thread")
    def test_k_bak_5_a_real_sigint_cancels_cleanly_with_keyboard_interrupt(self) -> None:
        """KeyboardInterrupt safety: SIGINT during a backup (raised in the progress callback,
        which the binding always installs) cancels it; nothing is left; the provider works."""
        self.fill()
        target = self.target("interrupted")
        calls: List[int] = []

        def progress(p: lode.BackupProgress) -> None:
            calls.append(p.done)
            if len(calls) == 2:
                os.kill(os.getpid(), signal.SIGINT)

        previous = signal.signal(signal.SIGINT, signal.default_int_handler)
        try:
            with self.assertRaises(KeyboardInterrupt):
                self.provider.backup(target, progress=progress, max_bytes_per_second=2_000_000)
        finally:
            signal.signal(signal.SIGINT, previous)
        self.assertFalse(os.path.exists(target))
        self.assertEqual(self.partials(target), [])
        self.fill(batches=1, id="2")
        self.assertEqual(self.provider.backup(target).position, 1050)

    def test_k_bak_6_verify_names_a_flipped_byte_by_store_and_version(self) -> None:
        with self.provider.open_store("BankAccount", "7") as s:
            s.add([message("7", body={"Marker": f"marker-{k:03d}-end"}) for k in range(1, 11)])
        target = self.target("damaged")
        self.provider.backup(target)
        data = Path(target, "data.mdb")
        raw = bytearray(data.read_bytes())
        at = raw.find(b"marker-004-end")
        self.assertGreater(at, 0)
        raw[at + 7] ^= 1
        data.write_bytes(bytes(raw))
        report = lode.verify(target)
        self.assertFalse(report.ok)
        first = report.problems[0]
        self.assertEqual((first.kind, first.store_id, first.version), ("Damaged", "EventStores/BankAccount/7", 4))
        self.assertIn("version 4", str(first))
        check = self.provider.check_backup(target)
        self.assertFalse(check.ok)
        self.assertFalse(check.backup.ok)

    def test_k_bak_6_verify_of_a_directory_without_a_store_creates_nothing(self) -> None:
        empty = self.target("empty")
        os.mkdir(empty)
        with self.assertRaises(lode.EventStoreStorageError) as cm:
            lode.verify(empty)
        self.assertEqual(cm.exception.storage_code_name, "NOT_A_STORE")
        self.assertEqual(os.listdir(empty), [])
        self.assertTrue(self.provider.verify().ok)

    def test_k_bak_7_check_backup_after_the_source_went_on(self) -> None:
        self.fill(batches=2)
        target = self.target("checked")
        info = self.provider.backup(target)
        self.fill(batches=1, id="2")
        check = self.provider.check_backup(target)
        self.assertTrue(check.ok, check)
        self.assertEqual((check.position, check.events_compared, check.source_position), (info.position, 100, 150))
        assert check.recorded is not None
        self.assertEqual(check.recorded.position, info.position)


class BackupManifestTest(unittest.TestCase):
    """The report and info types carry every field the library's JSON has
    (include/lode-manifest.json): a new field in the library fails here."""

    ALIASES = {"created_at_us": "created_at", "recorded_position": "recorded"}

    def test_every_field_of_the_library_json_is_an_attribute(self) -> None:
        import dataclasses
        import json

        manifest = Path(__file__).resolve().parents[3] / "include" / "lode-manifest.json"
        if not manifest.is_file():
            self.skipTest("no manifest next to an installed package")
        m = json.loads(manifest.read_text(encoding="utf-8"))
        for key, cls in (
            ("backup_info_fields", lode.BackupInfo),
            ("verify_report_fields", lode.VerifyReport),
            ("verify_problem_fields", lode.VerifyProblem),
            ("backup_check_fields", lode.BackupCheck),
        ):
            names = {f.name for f in dataclasses.fields(cls)}
            wire = {self.ALIASES.get(f, f) for f in m[key]}
            with self.subTest(cls=cls.__name__):
                self.assertEqual(wire, names)
        self.assertEqual(set(m["backup_options"]), {"compact", "verify", "max_bytes_per_second"})
        self.assertEqual(m["statuses"][15]["name"], "LODE_CANCELLED")


if __name__ == "__main__":
    unittest.main()
