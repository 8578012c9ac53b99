"""The upgrade from on-disk format 1 (docs/storage-layout.md, "Upgrade"), through Python: the
committed format-1 fixture is refused at open with the call that upgrades it, upgraded, and then
answers as format 1 did."""

import json
import subprocess
import tempfile
import unittest
from pathlib import Path

import lode

FIXTURE = Path(__file__).resolve().parents[3] / "tests" / "fixtures" / "format1.tar.gz"


class UpgradeTest(unittest.TestCase):
    def setUp(self) -> None:
        if not FIXTURE.is_file():
            self.skipTest(f"{FIXTURE} is not here (an installed package): no format-1 store to upgrade")
        self._tmp = tempfile.TemporaryDirectory()
        self.dir = Path(self._tmp.name) / "store"
        self.dir.mkdir()
        subprocess.run(["tar", "-xzf", str(FIXTURE), "-C", str(self.dir)], check=True)
        self.answers = json.loads((self.dir / "answers.json").read_text(encoding="utf-8"))
        (self.dir / "answers.json").unlink()

    def tearDown(self) -> None:
        self._tmp.cleanup()

    def test_format_1_is_refused_with_the_call_that_upgrades_it_then_upgraded(self) -> None:
        with self.assertRaises(lode.EventStoreStorageError) as cm:
            lode.EventStoreProvider(self.dir)
        self.assertEqual(cm.exception.storage_code_name, "FORMAT_UPGRADE_NEEDED")
        self.assertIn("upgrade_directory", str(cm.exception))
        self.assertEqual(lode.upgrade_directory(self.dir), 1)
        self.assertEqual(lode.upgrade_directory(self.dir), 5, "a second upgrade does nothing: format 5 now")
        with lode.EventStoreProvider(self.dir) as provider:
            log = provider.read_log(0, 1_000_000)
            self.assertEqual([r.position for r in log], [r["Position"] for r in self.answers["log"]])
            self.assertEqual([r.event_id for r in log], [r["EventId"] for r in self.answers["log"]])
            deposits = provider.events_by_type("FundsDeposited", max=1_000_000)
            self.assertEqual([r.position for r in deposits], self.answers["by_type_deposited"])
            with provider.open_store("BankAccount", "acct-05", open_timeout=0) as store:
                self.assertEqual(store.version(), 1000)
                self.assertEqual(store.snapshot_versions(), [500])

    def test_wrong_arguments(self) -> None:
        with self.assertRaises(TypeError):
            lode.upgrade_directory(None)  # type: ignore[arg-type]
        with self.assertRaises(lode.EventStoreArgumentError):
            lode.upgrade_directory(Path(self._tmp.name) / "nothing-here")


if __name__ == "__main__":
    unittest.main()
