"""The binding against the library's manifest (include/lode-manifest.json, written by `make
header` from the C ABI): status codes, each error kind's fields, settings keys, log levels,
limits and record fields. Any drift between the library and this binding fails here."""

import inspect
import json
import unittest
from pathlib import Path
from typing import Any, Dict

import lode
from lode import errors

MANIFEST = Path(__file__).resolve().parents[3] / "include" / "lode-manifest.json"

# Wire fields the binding shows under another name: a time given twice on the wire (ISO text
# and microseconds) is one datetime here, and some fields carry .NET's property names. A new
# field in the library that is in neither the binding nor this table fails the tests below.
ALIASES = {
    "expired_at": "expiration",
    "expired_at_us": "expiration",
    "holder_expires_at_us": "holder_expires_at",
    "timeout_ms": "timeout",
    "object": "object_name",
    "recorded_at_us": "recorded_at",
    "processed_at_us": "processed_at",
}


def _snake(pascal: str) -> str:
    out = ""
    for i, c in enumerate(pascal):
        if c.isupper() and i > 0:
            out += "_"
        out += c.lower()
    return out


class ManifestTest(unittest.TestCase):
    manifest: Dict[str, Any]

    @classmethod
    def setUpClass(cls) -> None:
        if not MANIFEST.is_file():
            raise unittest.SkipTest(f"{MANIFEST} is not here (an installed package): no manifest to compare with")
        cls.manifest = json.loads(MANIFEST.read_text(encoding="utf-8"))

    def test_abi_version(self) -> None:
        self.assertEqual(lode.ABI_VERSION, self.manifest["abi_version"])

    def test_every_status_code_has_its_exception_with_every_field(self) -> None:
        by_code = errors._BY_CODE
        for status in self.manifest["statuses"]:
            code = status["code"]
            if code == 0:
                continue
            with self.subTest(status=status["name"]):
                cls = by_code.get(code)
                self.assertIsNotNone(cls, f"no exception class for {status['name']}")
                assert cls is not None
                self.assertEqual(cls.status_code, code)
                for field in status["fields"]:
                    self.assertTrue(
                        hasattr(cls, ALIASES.get(field, field)),
                        f"{cls.__name__} has no property for the field '{field}' of {status['name']}",
                    )
        self.assertEqual(set(by_code), {s["code"] for s in self.manifest["statuses"] if s["code"]})

    def test_every_settings_key_is_a_provider_argument(self) -> None:
        params = set(inspect.signature(lode.EventStoreProvider.__init__).parameters) - {"self", "path", "library"}
        keys = {k[: -len("_ms")] if k.endswith("_timeout_ms") else k for k in self.manifest["settings"]}
        self.assertEqual(params, keys)

    def test_log_levels_map_to_logging(self) -> None:
        from lode import _native

        for name, level in self.manifest["log_levels"].items():
            with self.subTest(level=name):
                self.assertIn(level, _native._LEVELS, f"{name} ({level}) has no Python logging level")

    def test_every_record_field_is_an_attribute(self) -> None:
        fields = {f.name for f in __import__("dataclasses").fields(lode.LogRecord)}
        for field in self.manifest["record_fields"]:
            with self.subTest(field=field):
                name = _snake(field)
                self.assertIn(ALIASES.get(name, name), fields, f"LogRecord has no attribute for the record field '{field}'")
        command = {f.name for f in __import__("dataclasses").fields(lode.CommandRecord)}
        for field in self.manifest["command_record_fields"]:
            with self.subTest(field=field):
                name = _snake(field)
                self.assertIn(ALIASES.get(name, name), command, f"CommandRecord has no attribute for '{field}'")


if __name__ == "__main__":
    unittest.main()
