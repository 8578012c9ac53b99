"""The examples in the documentation run (README.md's, the package docstring's quick start)."""

from __future__ import annotations

import contextlib
import io
import re
import unittest
from pathlib import Path

import lode

README = Path(__file__).resolve().parent.parent / "README.md"


class DocsTest(unittest.TestCase):
    def run_snippet(self, code: str) -> str:
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            exec(compile(code, "<snippet>", "exec"), {"__name__": "snippet"})
        return out.getvalue()

    @unittest.skipUnless(README.is_file(), "README.md is not next to these tests (tests run from an installed copy)")
    def test_the_readme_example_runs_and_prints_the_dotnet_version_fields(self) -> None:
        """README.md: the example runs as written (in a temporary directory) and the version
        mismatch it provokes prints expected 2 (what the stream expected), actual 1 (carried)."""
        match = re.search(r"## Example\n\n```python\n(.*?)```", README.read_text(encoding="utf-8"), re.S)
        assert match is not None
        lines = self.run_snippet(match.group(1)).splitlines()
        self.assertIn("2 1", lines)

    def test_the_package_quick_start_runs(self) -> None:
        """lode.__doc__: the quick start runs as written."""
        doc = lode.__doc__ or ""
        code = "\n".join(line[4:] for line in doc.split("Quick start::", 1)[1].splitlines())
        self.assertIn("FundsDeposited", code)
        self.assertRegex(self.run_snippet(code), r"^1 \{'\$type': 'FundsDeposited', 'Amount': 10\}")
