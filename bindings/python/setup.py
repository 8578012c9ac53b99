"""Builds the wheel with the shared library inside (lode/_native/), marked platform-specific.

When no library was copied into ``src/lode/_native/`` and this package sits in the lode
repository (``../../Cargo.toml``), the library is built with ``cargo build --release --lib``
and copied in, so ``pip install ./bindings/python`` gives a working package by itself. Set
``LODE_PYTHON_NO_CARGO=1`` to skip that (a pure package that loads the library from
``LODE_LIBRARY`` or an explicit path).
"""

import os
import shutil
import subprocess
import sys
from pathlib import Path

from setuptools import Distribution, setup
from setuptools.command.bdist_wheel import bdist_wheel

HERE = Path(__file__).resolve().parent
NATIVE = HERE / "src" / "lode" / "_native"
REPO = HERE.parent.parent
LIBRARY = {"darwin": "liblode.dylib", "win32": "lode.dll"}.get(sys.platform, "liblode.so")


def _build_native() -> None:
    if any(NATIVE.glob("*lode.*")) or os.environ.get("LODE_PYTHON_NO_CARGO"):
        return
    if not (REPO / "Cargo.toml").is_file() or shutil.which("cargo") is None:
        return
    print("building the lode shared library with cargo (release)", file=sys.stderr)
    subprocess.run(["cargo", "build", "--release", "--lib"], cwd=REPO, check=True)
    NATIVE.mkdir(parents=True, exist_ok=True)
    shutil.copy2(REPO / "target" / "release" / LIBRARY, NATIVE / LIBRARY)


_build_native()
HAS_NATIVE = any(NATIVE.glob("*lode.*"))


class BinaryDistribution(Distribution):
    """A distribution with platform-specific content when the library is shipped."""

    def has_ext_modules(self) -> bool:
        return HAS_NATIVE


class PlatformWheel(bdist_wheel):  # type: ignore[misc]
    """A ``py3-none-<platform>`` wheel when the library is shipped (it is loaded with ctypes,
    so any Python 3 works); a pure ``py3-none-any`` wheel otherwise."""

    def finalize_options(self) -> None:
        super().finalize_options()
        self.root_is_pure = not HAS_NATIVE

    def get_tag(self) -> "tuple[str, str, str]":
        python, abi, platform = super().get_tag()
        return (python, abi, platform) if self.root_is_pure else ("py3", "none", platform)


setup(distclass=BinaryDistribution, cmdclass={"bdist_wheel": PlatformWheel})
