"""Argument checks of the public functions, and decoding of the JSON the library returns.

A wrong type is a ``TypeError`` naming the function and the argument; a value of the right
type that cannot be passed on (out of the C ABI's int64 range, not encodable as UTF-8, a
negative timeout) is an :class:`EventStoreArgumentError` naming the argument, as the library's
own checks are. JSON from the library that cannot be decoded is an
:class:`EventStoreSerializationError` with the decoder's error as ``__cause__``.
"""

from __future__ import annotations

import json
import math
import operator
import os
from datetime import datetime, timedelta
from typing import Any, Callable, Optional, Union, cast

from .errors import EventStoreSerializationError, argument_error, serialization_error

INT64_MIN = -(2**63)
INT64_MAX = 2**63 - 1
DEFAULT = -1  # LODE_DEFAULT

StrPath = Union[str, "os.PathLike[str]"]


def _type_error(func: str, name: str, expected: str, value: Any) -> TypeError:
    return TypeError(f"{func}() argument '{name}' must be {expected}, not {type(value).__name__}")


def text(value: Any, func: str, name: str) -> bytes:
    """A required ``str`` argument as UTF-8 bytes."""
    if not isinstance(value, str):
        raise _type_error(func, name, "str", value)
    try:
        return value.encode("utf-8")
    except UnicodeEncodeError as e:
        raise argument_error(name, f"is not valid UTF-8 text ({e.reason} at index {e.start})") from e


def optional_text(value: Any, func: str, name: str) -> Optional[bytes]:
    """An optional ``str`` argument as UTF-8 bytes, ``None`` when not given."""
    return None if value is None else text(value, func, name)


def string(value: Any, func: str, name: str) -> str:
    """A required ``str`` argument, unchanged."""
    if not isinstance(value, str):
        raise _type_error(func, name, "str", value)
    return value


def integer(value: Any, func: str, name: str) -> int:
    """A required integer argument (an ``int`` or anything with ``__index__``, not a ``bool``)
    within the C ABI's int64 range."""
    if isinstance(value, bool):
        raise _type_error(func, name, "int", value)
    try:
        number = operator.index(value)
    except TypeError:
        raise _type_error(func, name, "int", value) from None
    if not INT64_MIN <= number <= INT64_MAX:
        raise argument_error(name, f"{number} is out of range (a 64-bit signed integer)")
    return number


def optional_integer(value: Any, func: str, name: str) -> Optional[int]:
    """An optional integer argument."""
    return None if value is None else integer(value, func, name)


def flag(value: Any, func: str, name: str) -> bool:
    """A ``bool`` argument."""
    if not isinstance(value, bool):
        raise _type_error(func, name, "bool", value)
    return value


def timeout_ms(value: Any, func: str, name: str) -> int:
    """A timeout (``timedelta`` or seconds) in milliseconds; ``None`` gives ``LODE_DEFAULT``."""
    if value is None:
        return DEFAULT
    if isinstance(value, timedelta):
        seconds = value.total_seconds()
    elif isinstance(value, (int, float)) and not isinstance(value, bool):
        seconds = float(value)
    else:
        raise _type_error(func, name, "a datetime.timedelta or a number of seconds", value)
    if math.isnan(seconds) or seconds < 0:
        raise argument_error(name, "must not be negative")
    if seconds * 1000 > INT64_MAX // 2:
        raise argument_error(name, "is too long")
    return round(seconds * 1000)


def moment(value: Any, func: str, name: str) -> datetime:
    """A ``datetime`` argument."""
    if not isinstance(value, datetime):
        raise _type_error(func, name, "a datetime.datetime", value)
    return value


def path(value: Any, func: str, name: str) -> str:
    """A file system path argument (``str`` or ``os.PathLike[str]``)."""
    if isinstance(value, str):
        return value
    if isinstance(value, os.PathLike):
        result = os.fspath(value)
        if isinstance(result, str):
            return result
    raise _type_error(func, name, "a str or os.PathLike[str] path", value)


def function(value: Any, func: str, name: str) -> Callable[..., Any]:
    """A callable argument."""
    if not callable(value):
        raise _type_error(func, name, "callable", value)
    return cast(Callable[..., Any], value)


def decode_error(error: BaseException, key: str, version: Optional[int] = None) -> EventStoreSerializationError:
    """The EventStoreSerializationError for a decoder's error (raise it ``from`` that error)."""
    if isinstance(error, RecursionError):
        reason = "it is nested too deeply for Python's JSON decoder"
    elif isinstance(error, MemoryError):
        reason = "it is too large to decode"
    else:
        reason = f"it is not valid JSON ({error})"
    return serialization_error(key, reason, version)


def decode_json(data: Union[bytes, str], key: str, version: Optional[int] = None) -> Any:
    """Parses JSON the library returned. Anything the decoder refuses (not JSON, not UTF-8,
    nested too deeply for Python's parser) becomes an EventStoreSerializationError naming
    ``key``, with the decoder's error as ``__cause__``."""
    try:
        return json.loads(data)
    except (ValueError, RecursionError, MemoryError) as e:  # JSONDecodeError, UnicodeDecodeError
        raise decode_error(e, key, version) from e


def file_settings(
    func: str,
    durability: Optional[str],
    initial_map_size: Optional[int],
    max_map_size: Optional[int],
    file_mode: Optional[int],
    directory_mode: Optional[int],
    max_readers: Optional[int],
) -> "dict[str, Any]":
    """The settings that concern a store's files, checked, as the settings JSON names them
    (``None``: the library's default, left out)."""
    settings: "dict[str, Any]" = {
        "durability": None if durability is None else string(durability, func, "durability"),
    }
    for key, number in (
        ("initial_map_size", initial_map_size),
        ("max_map_size", max_map_size),
        ("file_mode", file_mode),
        ("directory_mode", directory_mode),
        ("max_readers", max_readers),
    ):
        settings[key] = optional_integer(number, func, key)
    return settings


def settings_json(settings: "dict[str, Any]") -> bytes:
    """The settings JSON the C ABI reads, without the ones left to the library's default."""
    return json.dumps({k: v for k, v in settings.items() if v is not None}).encode("utf-8")
