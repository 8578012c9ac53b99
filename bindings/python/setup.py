"""Marks the wheel platform-specific when it carries the shared library (lode/_native/)."""

from pathlib import Path

from setuptools import Distribution, setup
from setuptools.command.bdist_wheel import bdist_wheel

NATIVE = Path(__file__).resolve().parent / "src" / "lode" / "_native"
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
