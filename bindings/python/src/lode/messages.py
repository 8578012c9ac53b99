"""EventMessages: building them (:func:`create_message`), serializing them like .NET
(:func:`to_json_bytes`), and the read-only :class:`EventMessage` that reads return."""

from __future__ import annotations

import base64
import json
import os
import re
import time
from datetime import datetime, timedelta, timezone
from typing import Any, Callable, Dict, List, Mapping, Optional, Tuple, Union

from . import _check
from .errors import argument_error, serialization_error

__all__ = ["EventMessage", "MessageLike", "create_message", "to_json_bytes", "new_message_id", "format_dotnet_time"]


class EventMessage:
    """One stored EventMessage as read back from the store.

    ``raw`` is the JSON exactly as stored (bytes); the parsed views (``event``, ``metadata``)
    are shared dicts: treat them as read-only, or take an independent copy with
    :meth:`to_dict`. Two messages are equal when their raw bytes are. Messages read from the
    store are parsed on first use of a parsed view, so reading a stream costs little more
    than copying its bytes. A message that cannot be parsed (not JSON, not an object, nested
    too deeply for Python's decoder) raises :class:`lode.EventStoreSerializationError` naming
    where it came from when a parsed view is first used; ``raw`` is always available.
    """

    __slots__ = ("_raw", "_parsed", "_origin")

    def __init__(self, raw: Union[bytes, bytearray], data: Optional[Dict[str, Any]] = None) -> None:
        """Wraps ``raw`` JSON bytes (parsed now; EventStoreSerializationError if they are not a
        JSON object); ``data`` is its parsed form when the caller has it already."""
        if not isinstance(raw, (bytes, bytearray)):
            raise TypeError(f"EventMessage() argument 'raw' must be bytes, not {type(raw).__name__}")
        if data is not None and not isinstance(data, dict):
            raise TypeError(f"EventMessage() argument 'data' must be a dict or None, not {type(data).__name__}")
        self._raw = bytes(raw)
        self._origin: Optional[Tuple[str, int]] = None
        self._parsed: Optional[Dict[str, Any]] = None
        self._parsed = self._check(_check.decode_json(self._raw, self._key()) if data is None else data)

    @classmethod
    def _stored(cls, raw: bytes, where: Optional[str] = None, index: int = 0) -> "EventMessage":
        """A message the library returned: parsed lazily. ``where`` and ``index`` name it in a
        serialization error (``message 3 of ...``)."""
        message = cls.__new__(cls)
        message._raw = raw
        message._parsed = None
        message._origin = None if where is None else (where, index)
        return message

    def _key(self) -> str:
        if self._origin is None:
            return "an EventMessage"
        where, index = self._origin
        return f"message {index} of {where}"

    def _check(self, parsed: Any) -> Dict[str, Any]:
        if not isinstance(parsed, dict):
            raise serialization_error(self._key(), f"an EventMessage must be a JSON object, not a JSON {_json_type(parsed)}")
        return parsed

    @property
    def _data(self) -> Dict[str, Any]:
        if self._parsed is None:
            try:
                parsed = json.loads(self._raw)
            except (ValueError, RecursionError, MemoryError) as e:  # the key is made only on failure
                raise _check.decode_error(e, self._key()) from e
            self._parsed = self._check(parsed)
        return self._parsed

    @property
    def raw(self) -> bytes:
        """The message's JSON bytes, exactly as the store holds them."""
        return self._raw

    @property
    def event(self) -> Dict[str, Any]:
        """The domain event (``Event``), with its ``$type`` discriminator."""
        value = self._data.get("Event")
        return value if isinstance(value, dict) else {}

    @property
    def metadata(self) -> Dict[str, Any]:
        """The ``Metadata`` object."""
        value = self._data.get("Metadata")
        return value if isinstance(value, dict) else {}

    def _part(self, section: str, key: str) -> Any:
        part = self.metadata.get(section)
        return part.get(key) if isinstance(part, dict) else None

    @property
    def sequence_number(self) -> Optional[int]:
        """``Metadata.Context.SequenceNumber``: the stream version of a stored event (a number
        written as a string, as .NET's reader accepts, is read as that number)."""
        value = self._part("Context", "SequenceNumber")
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        if isinstance(value, str) and re.fullmatch(r"-?[0-9]+", value):
            return int(value)
        return None

    @property
    def message_id(self) -> Optional[str]:
        """``Metadata.Message.Id``: the message (idempotency) id."""
        value = self._part("Message", "Id")
        return value if isinstance(value, str) else None

    @property
    def name(self) -> Optional[str]:
        """``Metadata.Message.Name``: the event type name."""
        value = self._part("Message", "Name")
        return value if isinstance(value, str) else None

    @property
    def correlation_id(self) -> Optional[str]:
        """``Metadata.Context.CorrelationId``."""
        value = self._part("Context", "CorrelationId")
        return value if isinstance(value, str) else None

    def to_dict(self) -> Dict[str, Any]:
        """An independent copy of the whole message as a dict (parsed again from ``raw``)."""
        return self._check(_check.decode_json(self._raw, self._key()))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, EventMessage) and other._raw == self._raw

    def __hash__(self) -> int:
        return hash(self._raw)

    def __repr__(self) -> str:
        try:
            return f"EventMessage(name={self.name!r}, sequence_number={self.sequence_number!r}, message_id={self.message_id!r})"
        except Exception:  # a message that cannot be parsed still has a repr
            return f"EventMessage(raw={self._raw[:60]!r}{'...' if len(self._raw) > 60 else ''})"


def _json_type(value: Any) -> str:
    if isinstance(value, list):
        return "array"
    if isinstance(value, str):
        return "string"
    if isinstance(value, bool):
        return "boolean"
    if value is None:
        return "null"
    return "number"


#: What the write methods accept as a message: a dict (serialized with ``json.dumps``), JSON
#: text, JSON bytes, or an :class:`EventMessage` read back earlier.
MessageLike = Union[Mapping[str, Any], str, bytes, bytearray, EventMessage]


def encode_message(message: Any, func: str = "add", name: str = "items") -> bytes:
    """The UTF-8 JSON bytes of ``message`` as the C ABI takes them. A wrong type is a
    TypeError naming ``func``'s argument ``name``; a dict that cannot be encoded as JSON (a
    value of another type: TypeError; NaN, a circular reference, too deep: argument error)."""
    if isinstance(message, EventMessage):
        return message.raw
    if isinstance(message, (bytes, bytearray)):
        return bytes(message)
    if isinstance(message, str):
        return _check.text(message, func, name)
    if isinstance(message, Mapping):
        try:
            return json.dumps(dict(message), separators=(",", ":"), allow_nan=False).encode("utf-8")
        except TypeError as e:
            raise TypeError(f"{func}() argument '{name}' cannot be encoded as JSON: {e}") from e
        except RecursionError as e:
            raise argument_error(name, "is nested too deeply to encode as JSON") from e
        except ValueError as e:  # NaN or infinity, a circular reference
            raise argument_error(name, f"cannot be encoded as JSON ({e})") from e
    raise TypeError(f"{func}() argument '{name}' must be a dict, str, bytes or EventMessage, not {type(message).__name__}")


_DECODER = json.JSONDecoder()
_SEPARATORS = re.compile(r"[ \t\n\r,]*")


def _skip(text: str, i: int) -> int:
    match = _SEPARATORS.match(text, i)
    return match.end() if match else i


def _items(text: str) -> List[Tuple[Any, int, int]]:
    """Parses a JSON array, returning each item with its start and end (str indexes)."""
    i = _skip(text, 0)
    if not text.startswith("[", i):
        raise ValueError("it is not a JSON array")
    i += 1
    out: List[Tuple[Any, int, int]] = []
    while True:
        i = _skip(text, i)
        if i >= len(text):
            raise ValueError("the JSON array is not closed")
        if text[i] == "]":
            return out
        value, end = _DECODER.raw_decode(text, i)
        out.append((value, i, end))
        i = end


def _span(data: bytes, text: str, start: int, end: int) -> bytes:
    # When the text is ASCII (the usual case: .NET escapes non-ASCII) str and byte indexes agree.
    return data[start:end] if len(text) == len(data) else text[start:end].encode("utf-8")


def parse_message_array(data: bytes, where: str = "a message array", version: Optional[int] = None) -> List[EventMessage]:
    """Splits a buffer holding a JSON array of messages into :class:`EventMessage` objects,
    each keeping its exact stored bytes. Anything that cannot be decoded raises
    EventStoreSerializationError naming ``where`` (and ``version``), chained to the decoder's
    error."""
    try:
        text = data.decode("utf-8")
        items = _items(text)
    except UnicodeDecodeError as e:
        raise serialization_error(where, f"it is not valid UTF-8 ({e.reason} at byte {e.start})", version) from e
    except RecursionError as e:
        raise serialization_error(where, "it is nested too deeply for Python's JSON decoder", version) from e
    except ValueError as e:  # json.JSONDecodeError, or not an array
        raise serialization_error(where, f"it is not a valid JSON array of messages ({e})", version) from e
    out: List[EventMessage] = []
    for index, (value, start, end) in enumerate(items):
        if not isinstance(value, dict):
            raise serialization_error(
                f"message {index} of {where}", f"an EventMessage must be a JSON object, not a JSON {_json_type(value)}", version
            )
        out.append(EventMessage(_span(data, text, start, end), value))
    return out


def new_message_id() -> str:
    """A new message id: a 16-byte GUID as 22 characters of URL-safe base64 without padding.

    The GUID is time-ordered (RFC 9562 version 7: 48 bits of Unix milliseconds, then random
    bits), so ids made close in time share a prefix and the store's id indexes stay compact.
    """
    raw = bytearray(os.urandom(16))
    raw[0:6] = (time.time_ns() // 1_000_000).to_bytes(8, "big")[2:]
    raw[6] = 0x70 | (raw[6] & 0x0F)
    raw[8] = 0x80 | (raw[8] & 0x3F)
    return base64.urlsafe_b64encode(bytes(raw)).rstrip(b"=").decode("ascii")


def format_dotnet_time(moment: datetime) -> str:
    """Formats a time as .NET writes a ``DateTimeOffset``: ISO-8601, up to 7 fraction digits
    with trailing zeros trimmed, and the time's own offset written out (``+00:00``, ``+01:00``;
    never ``Z``). Naive times are taken as UTC."""
    _check.moment(moment, "format_dotnet_time", "moment")
    offset = moment.utcoffset()
    if offset is None:
        offset = timedelta(0)
    minutes = int(offset.total_seconds()) // 60
    sign = "-" if minutes < 0 else "+"
    hours, minutes = divmod(abs(minutes), 60)
    fraction = f"{moment.microsecond:06d}0".rstrip("0")
    return moment.strftime("%Y-%m-%dT%H:%M:%S") + (f".{fraction}" if fraction else "") + f"{sign}{hours:02d}:{minutes:02d}"


def _utc_now() -> datetime:
    return datetime.now(timezone.utc)


def create_message(
    event: Mapping[str, Any],
    sequence_number: Optional[int] = None,
    user_id: str = "system",
    partition_id: str = "default",
    time_provider: Optional[Callable[[], datetime]] = None,
    *,
    name: str,
    aggregate_name: str,
    aggregate_id: str,
    version: int = 1,
    correlation_id: Optional[str] = None,
    message_id: Optional[str] = None,
) -> Dict[str, Any]:
    """Builds an EventMessage dict exactly as .NET's
    ``event.CreateMessage(sequenceNumber, userId, partitionId, timeProvider)``
    (``EventStoreHelper.CreateMessage``) does, with the same parameters in the same order.

    ``event`` is the domain event's properties. What .NET takes from the event's type, Python
    takes as keywords: ``name`` (the type name), ``version`` (its schema version; ``$type`` is
    ``{name}V{version}`` from version 2), ``aggregate_name`` and ``aggregate_id`` (its
    ``DomainName`` and ``DomainId``). ``time_provider`` is a function returning the current
    time (default: now, UTC); it sets ``CreatedDate`` and ``ReceivedDate`` with its offset.

    The message id is new unless ``message_id`` is given; the correlation id defaults to it;
    ``SequenceNumber`` is present only when given (the store then checks it, B-APP-3;
    otherwise it assigns the next version, B-APP-4). The shape follows wire-format.md:
    ``Event`` with ``$type`` first, ``Metadata`` with ``DomainGlobalId``, ``Message`` and
    ``Context``.
    """
    func = "create_message"
    if not isinstance(event, Mapping):
        raise TypeError(f"{func}() argument 'event' must be a dict (a Mapping), not {type(event).__name__}")
    sequence_number = _check.optional_integer(sequence_number, func, "sequence_number")
    _check.string(user_id, func, "user_id")
    _check.string(partition_id, func, "partition_id")
    clock: Callable[[], Any] = _utc_now
    if time_provider is not None:
        clock = _check.function(time_provider, func, "time_provider")
    _check.string(name, func, "name")
    _check.string(aggregate_name, func, "aggregate_name")
    _check.string(aggregate_id, func, "aggregate_id")
    version = _check.integer(version, func, "version")
    if version < 1:
        raise argument_error("version", f"an event schema version is at least 1, not {version}")
    if correlation_id is not None:
        _check.string(correlation_id, func, "correlation_id")
    mid = new_message_id() if message_id is None else _check.string(message_id, func, "message_id")
    created = clock()
    if not isinstance(created, datetime):
        raise TypeError(f"{func}() argument 'time_provider' must return a datetime.datetime, not {type(created).__name__}")
    now = format_dotnet_time(created)
    body: Dict[str, Any] = {"$type": f"{name}V{version}" if version >= 2 else name}
    body.update((k, v) for k, v in event.items() if k != "$type")
    context: Dict[str, Any] = {
        "CorrelationId": mid if correlation_id is None else correlation_id,
        "UserId": user_id,
        "PartitionId": partition_id,
        "ReceivedDate": now,
    }
    if sequence_number is not None:
        context["SequenceNumber"] = sequence_number
    context["Scopes"] = []
    return {
        "Event": body,
        "Metadata": {
            "DomainGlobalId": f"{partition_id}-{aggregate_name}-{aggregate_id}",
            "Message": {
                "Id": mid,
                "Name": name,
                "Version": version,
                "Domain": {"Id": aggregate_id, "Name": aggregate_name},
                "CreatedDate": now,
            },
            "Context": context,
        },
    }


_ESCAPED = re.compile(r"[^\x20-\x7e]|[\"\\<>&'+`]")
_SHORT = {"\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(match: "re.Match[str]") -> str:
    ch = match.group()
    if ch in _SHORT:
        return _SHORT[ch]
    code = ord(ch)
    if code > 0xFFFF:
        code -= 0x10000
        return f"\\u{0xD800 + (code >> 10):04X}\\u{0xDC00 + (code & 0x3FF):04X}"
    return f"\\u{code:04X}"


def _write(value: Any, out: List[str]) -> None:
    if isinstance(value, str):
        out.append('"' + _ESCAPED.sub(_escape, value) + '"')
    elif isinstance(value, Mapping):
        out.append("{")
        for i, (k, v) in enumerate(value.items()):
            if i:
                out.append(",")
            _write(str(k), out)
            out.append(":")
            _write(v, out)
        out.append("}")
    elif isinstance(value, (list, tuple)):
        out.append("[")
        for i, v in enumerate(value):
            if i:
                out.append(",")
            _write(v, out)
        out.append("]")
    else:
        out.append(json.dumps(value, allow_nan=False))


def to_json_bytes(message: Union[Mapping[str, Any], EventMessage]) -> bytes:
    """Serializes a message compactly the way .NET's default encoder does: non-ASCII, control
    characters and ``" < > & ' + ``` inside strings escaped as ``\\uXXXX`` (upper-case hex).
    An :class:`EventMessage` gives its raw bytes unchanged. A value JSON has no form for is a
    TypeError; NaN, infinity or nesting too deep for Python is an EventStoreArgumentError."""
    if isinstance(message, EventMessage):
        return message.raw
    if not isinstance(message, Mapping):
        raise TypeError(f"to_json_bytes() argument 'message' must be a dict or EventMessage, not {type(message).__name__}")
    out: List[str] = []
    try:
        _write(message, out)
    except RecursionError as e:
        raise argument_error("message", "is nested too deeply to encode as JSON") from e
    except TypeError as e:
        raise TypeError(f"to_json_bytes() argument 'message' cannot be encoded as JSON: {e}") from e
    except ValueError as e:
        raise argument_error("message", f"cannot be encoded as JSON ({e})") from e
    return "".join(out).encode("ascii")
