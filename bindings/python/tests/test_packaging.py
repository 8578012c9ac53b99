"""Packaging (build_backend/lode_build_backend.py): the wheel ships the library that cargo just
built (never a stale copy), or none when told; the archives are complete and their RECORD
right; an installed wheel works with no LODE_LIBRARY. The backend runs in a child process in a
copy of the package, as pip runs it; cargo is a stand-in script where the test needs one."""

from __future__ import annotations

import base64
import contextlib
import hashlib
import io
import json
import os
import shutil
import subprocess
import sys
import sysconfig
import tarfile
import tempfile
import textwrap
import unittest
import zipfile
from pathlib import Path
from typing import Dict, Optional

import lode

PACKAGE = Path(__file__).resolve().parent.parent
BACKEND = PACKAGE / "build_backend" / "lode_build_backend.py"
LIBRARY = {"darwin": "liblode.dylib", "win32": "lode.dll"}.get(sys.platform, "liblode.so")


@unittest.skipUnless(BACKEND.is_file(), "the build backend is not next to these tests (tests run from an installed copy)")
class PackagingTest(unittest.TestCase):
    def setUp(self) -> None:
        self._dir = tempfile.TemporaryDirectory()
        self.work = Path(self._dir.name)
        self.addCleanup(self._dir.cleanup)

    def copy_package(self, parent: Path) -> Path:
        """A copy of bindings/python (no build products) at parent/bindings/python."""
        tree = parent / "bindings" / "python"
        ignore = shutil.ignore_patterns("__pycache__", "_native", "build", "dist", "*.egg-info")
        for part in ("src", "build_backend", "tests", "examples"):
            shutil.copytree(PACKAGE / part, tree / part, ignore=ignore)
        for name in ("pyproject.toml", "README.md"):
            shutil.copy2(PACKAGE / name, tree / name)
        return tree

    def backend(self, tree: Path, hook: str, out: Path, env: Optional[Dict[str, str]] = None) -> "subprocess.CompletedProcess[str]":
        script = f"import sys, lode_build_backend as b; print(b.{hook}(sys.argv[1]))"
        environment = {k: v for k, v in os.environ.items() if k not in ("LODE_PYTHON_NO_CARGO", "CARGO")}
        environment.update(env or {}, PYTHONPATH=str(tree / "build_backend"))
        return subprocess.run([sys.executable, "-c", script, str(out)], cwd=tree, env=environment,
                              capture_output=True, text=True, timeout=300)

    def built(self, done: "subprocess.CompletedProcess[str]", out: Path) -> Path:
        self.assertEqual(done.returncode, 0, done.stderr)
        return out / done.stdout.strip().splitlines()[-1]

    def check_record(self, wheel: zipfile.ZipFile) -> Dict[str, bytes]:
        names = wheel.namelist()
        record = next(n for n in names if n.endswith(".dist-info/RECORD"))
        files = {n: wheel.read(n) for n in names}
        lines = files[record].decode().splitlines()
        self.assertEqual(sorted(line.split(",")[0] for line in lines), sorted(names))
        for line in lines:
            path, digest, size = line.split(",")
            if path == record:
                self.assertEqual((digest, size), ("", ""))
                continue
            expected = base64.urlsafe_b64encode(hashlib.sha256(files[path]).digest()).rstrip(b"=").decode()
            self.assertEqual((digest, int(size)), (f"sha256={expected}", len(files[path])), path)
        return files

    def fake_cargo(self, library_bytes: bytes) -> Path:
        """A cargo stand-in: records that it ran, writes a 'library' and reports it the way cargo
        build --message-format=json does (progress on stderr, JSON on stdout)."""
        built = self.work / "target" / "release" / LIBRARY
        script = self.work / "cargo"
        script.write_text(textwrap.dedent(f"""\
            #!{sys.executable}
            import json, os, sys
            open({str(self.work / 'cargo-ran')!r}, 'a').write(' '.join(sys.argv[1:]) + '\\n')
            os.makedirs({str(built.parent)!r}, exist_ok=True)
            open({str(built)!r}, 'wb').write({library_bytes!r})
            print('   Compiling lode v0.1.0', file=sys.stderr)
            print(json.dumps({{'reason': 'compiler-artifact', 'target': {{'name': 'lode', 'kind': ['rlib', 'cdylib']}},
                              'filenames': [{str(built)!r}]}}))
            print(json.dumps({{'reason': 'build-finished', 'success': True}}))
            """))
        script.chmod(0o755)
        return script

    def test_a_wheel_without_a_library_is_pure_and_complete(self) -> None:
        """Outside the repository with nothing in _native (or LODE_PYTHON_NO_CARGO=1): a pure
        py3-none-any wheel with every module, py.typed and a right RECORD; METADATA has the
        package's version."""
        tree = self.copy_package(self.work / "copy")
        for env in ({}, {"LODE_PYTHON_NO_CARGO": "1"}):
            with self.subTest(env=env):
                out = self.work / f"wheels{len(env)}"
                done = self.backend(tree, "build_wheel", out, env)
                path = self.built(done, out)
                self.assertEqual(path.name, f"lode-{lode.__version__}-py3-none-any.whl")
                with zipfile.ZipFile(path) as wheel:
                    files = self.check_record(wheel)
                modules = {f"lode/{p.name}" for p in (tree / "src" / "lode").glob("*.py")} | {"lode/py.typed"}
                self.assertTrue(modules <= set(files), modules - set(files))
                self.assertFalse([n for n in files if "_native/" in n or "__pycache__" in n])
                info = f"lode-{lode.__version__}.dist-info"
                self.assertIn(f"Version: {lode.__version__}\n", files[f"{info}/METADATA"].decode())
                self.assertIn("Root-Is-Purelib: true", files[f"{info}/WHEEL"].decode())
                self.assertIn("lode build:", done.stderr)

    def test_the_sdist_carries_sources_backend_and_no_library(self) -> None:
        """build_sdist: pyproject, README, PKG-INFO, the backend, sources, tests and example;
        never a library."""
        tree = self.copy_package(self.work / "copy")
        (tree / "src" / "lode" / "_native").mkdir()
        (tree / "src" / "lode" / "_native" / LIBRARY).write_bytes(b"not shipped in an sdist")
        done = self.backend(tree, "build_sdist", self.work / "sdist")
        path = self.built(done, self.work / "sdist")
        with tarfile.open(path) as archive:
            names = set(archive.getnames())
        base = f"lode-{lode.__version__}"
        for member in ("pyproject.toml", "README.md", "PKG-INFO", "build_backend/lode_build_backend.py",
                       "src/lode/__init__.py", "src/lode/py.typed", "tests/support.py", "examples/bank_account.py"):
            self.assertIn(f"{base}/{member}", names)
        self.assertFalse([n for n in names if "_native/" in n])

    def test_every_build_runs_cargo_and_replaces_a_stale_library(self) -> None:
        """In the repository, cargo runs on every build, even with a library already in _native,
        and the wheel ships what cargo built: a stale copy is replaced, an identical one left as
        it is (same inode); the wheel is py3-none-<platform> with Root-Is-Purelib false."""
        repo = self.work / "repo"
        tree = self.copy_package(repo)
        (repo / "crates" / "liblode").mkdir(parents=True)
        (repo / "crates" / "liblode" / "Cargo.toml").write_text('[package]\nname = "liblode"\n')
        native = tree / "src" / "lode" / "_native"
        native.mkdir()
        (native / LIBRARY).write_bytes(b"stale library")
        cargo = self.fake_cargo(b"fresh library")
        env = {"CARGO": str(cargo)}
        first = self.built(self.backend(tree, "build_wheel", self.work / "w1", env), self.work / "w1")
        self.assertEqual((native / LIBRARY).read_bytes(), b"fresh library")
        inode = (native / LIBRARY).stat().st_ino
        second = self.backend(tree, "build_wheel", self.work / "w2", env)
        self.built(second, self.work / "w2")
        self.assertEqual((native / LIBRARY).stat().st_ino, inode)
        self.assertIn("is up to date", second.stderr)
        self.assertIn("Compiling lode", second.stderr)  # cargo's progress reaches stderr
        ran = (self.work / "cargo-ran").read_text().splitlines()
        self.assertEqual(ran, ["build --release -p liblode --message-format=json-render-diagnostics"] * 2)
        platform = "".join(c if c.isalnum() else "_" for c in sysconfig.get_platform())
        self.assertEqual(first.name, f"lode-{lode.__version__}-py3-none-{platform}.whl")
        with zipfile.ZipFile(first) as wheel:
            files = self.check_record(wheel)
        self.assertEqual(files[f"lode/_native/{LIBRARY}"], b"fresh library")
        self.assertIn("Root-Is-Purelib: false", files[f"lode-{lode.__version__}.dist-info/WHEEL"].decode())
        skipped = self.backend(tree, "build_wheel", self.work / "w3", dict(env, LODE_PYTHON_NO_CARGO="1"))
        self.built(skipped, self.work / "w3")
        self.assertEqual(len((self.work / "cargo-ran").read_text().splitlines()), 2)  # not run

    def test_a_failing_or_missing_cargo_fails_the_build_loudly(self) -> None:
        """In the repository, no cargo or a failing cargo is a build error saying what to do,
        never a wheel with whatever library was lying in _native."""
        repo = self.work / "repo"
        tree = self.copy_package(repo)
        (repo / "crates" / "liblode").mkdir(parents=True)
        (repo / "crates" / "liblode" / "Cargo.toml").write_text('[package]\nname = "liblode"\n')
        failing = self.work / "failing-cargo"
        failing.write_text(f"#!{sys.executable}\nimport sys\nprint('error: oops', file=sys.stderr)\nsys.exit(101)\n")
        failing.chmod(0o755)
        for env in ({"CARGO": str(failing)}, {"CARGO": "", "PATH": str(self.work / "empty")}):
            with self.subTest(env=env):
                done = self.backend(tree, "build_wheel", self.work / "out", env)
                self.assertNotEqual(done.returncode, 0)
                self.assertIn("LODE_PYTHON_NO_CARGO=1", done.stderr)
                self.assertFalse((self.work / "out").exists() and list((self.work / "out").glob("*.whl")))

    def test_an_installed_wheel_works_without_lode_library(self) -> None:
        """A wheel shipping the library (the one these tests run on), installed with pip into a
        fresh directory, opens a store and reads back with LODE_LIBRARY unset."""
        if subprocess.run([sys.executable, "-m", "pip", "--version"], capture_output=True).returncode != 0:
            self.skipTest("pip is not available to this Python")
        tree = self.copy_package(self.work / "copy")
        (tree / "src" / "lode" / "_native").mkdir()
        shutil.copyfile(lode.load_library().path, tree / "src" / "lode" / "_native" / LIBRARY)
        wheel = self.built(self.backend(tree, "build_wheel", self.work / "wheels"), self.work / "wheels")
        target = self.work / "site"
        done = subprocess.run([sys.executable, "-m", "pip", "install", "--no-index", "--no-deps", "--quiet",
                               "--disable-pip-version-check", "--target", str(target), str(wheel)],
                              capture_output=True, text=True, timeout=300)
        self.assertEqual(done.returncode, 0, done.stderr)
        script = textwrap.dedent("""\
            import json, sys, tempfile, lode
            with tempfile.TemporaryDirectory() as d, lode.EventStoreProvider(d) as p:
                with p.open_store("A", "1") as s:
                    s.add([lode.create_message({"n": 1}, name="X", aggregate_name="A", aggregate_id="1")])
                    print(json.dumps([lode.__file__, p.library_path, [m.event["n"] for m in s.get()]]))
            """)
        env = {k: v for k, v in os.environ.items() if k not in ("LODE_LIBRARY", "PYTHONPATH")}
        env["PYTHONPATH"] = str(target)
        run = subprocess.run([sys.executable, "-c", script], cwd=self.work, env=env, capture_output=True, text=True, timeout=120)
        self.assertEqual(run.returncode, 0, run.stderr)
        module, library, events = json.loads(run.stdout)
        self.assertTrue(module.startswith(str(target)), module)
        self.assertEqual(Path(library), target / "lode" / "_native" / LIBRARY)
        self.assertEqual(events, [1])

    def test_stage_library_copies_only_what_differs(self) -> None:
        """stage_library: copies when absent or different (atomically: a new inode), leaves an
        identical copy untouched."""
        sys.path.insert(0, str(BACKEND.parent))
        self.addCleanup(sys.path.remove, str(BACKEND.parent))
        import lode_build_backend as backend

        built, native = self.work / "built.so", self.work / "native"
        built.write_bytes(b"v1")
        quiet = contextlib.redirect_stderr(io.StringIO())
        quiet.__enter__()
        self.addCleanup(quiet.__exit__, None, None, None)
        self.assertTrue(backend.stage_library(built, native))
        staged = native / backend.LIBRARY
        before = staged.stat()
        self.assertFalse(backend.stage_library(built, native))
        self.assertEqual((staged.stat().st_ino, staged.stat().st_mtime_ns), (before.st_ino, before.st_mtime_ns))
        built.write_bytes(b"v2")
        self.assertTrue(backend.stage_library(built, native))
        self.assertEqual(staged.read_bytes(), b"v2")
        self.assertNotEqual(staged.stat().st_ino, before.st_ino)
        self.assertEqual(sorted(p.name for p in native.iterdir()), [backend.LIBRARY])
