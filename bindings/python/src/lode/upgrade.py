"""Upgrading a store directory to the on-disk format this library reads."""

from __future__ import annotations

from ctypes import byref, c_uint32
from typing import Optional

from . import _check
from ._native import StrPath, library_for


def upgrade_directory(
    path: StrPath,
    *,
    durability: Optional[str] = None,
    initial_map_size: Optional[int] = None,
    max_map_size: Optional[int] = None,
    file_mode: Optional[int] = None,
    directory_mode: Optional[int] = None,
    max_readers: Optional[int] = None,
    library: Optional[StrPath] = None,
) -> int:
    """Upgrades the store directory at ``path`` from on-disk format 1, 2, 3 or 4 to the format this
    library reads (5), in one transaction: a crash at any moment leaves the old format intact or
    format 5 complete. A directory already in format 5 is left as it is. Returns the format the
    directory was in. No other process may use the directory meanwhile.

    Opening a directory in an older format with :class:`EventStoreProvider` raises
    :class:`EventStoreStorageError` (``storage_code_name == "FORMAT_UPGRADE_NEEDED"``) naming this
    call. The settings are those of :class:`EventStoreProvider` that concern the files."""
    func = "upgrade_directory"
    directory = _check.path(path, func, "path")
    settings = _check.file_settings(func, durability, initial_map_size, max_map_size, file_mode, directory_mode, max_readers)
    native = library_for(library)
    settings_json = _check.settings_json(settings)
    raw_path = _check.text(directory, func, "path")
    was = c_uint32()
    native.call("lode_upgrade_directory", raw_path, len(raw_path), settings_json, len(settings_json), byref(was))
    return int(was.value)
