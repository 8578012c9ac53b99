"""EventMessages: building them (:func:`create_message`), serializing them like .NET
(:func:`to_json_bytes`), and the read-only :class:`EventMessage` that reads return."""

from __future__ import annotations

import base64
import copy
import json
import os
import re
import time
from datetime import datetime, timezone
from typing import Any, Dict, List, Mapping, Optional, Tuple, Union

__all__ = ["EventMessage", "MessageLike", "create_message", "to_json_bytes", "new_message_id", "format_dotnet_time"]


class EventMessage:
    """One stored EventMessage as read back from the store.

    ``raw`` is the JSON exactly as stored (bytes); the parsed views (``event``, ``metadata``)
    are shared dicts: treat them as read-only, or take an independent copy with
    :meth:`to_dict`. Two messages are equal when their raw bytes are. Messages read from the
    store are parsed on first use of a parsed view, so reading a stream costs little more
    than copying its bytes.
    """

    __slots__ = ("_raw", "_parsed")

    def __init__(self, raw: bytes, data: Optional[Dict[str, Any]] = None) -> None:
        """Wraps ``raw`` JSON bytes; ``data`` is its parsed form when the caller has it already."""
        self._raw = bytes(raw)
        self._parsed: Optional[Dict[str, Any]] = None
        self._parsed = self._check(json.loads(self._raw) if data is None else data)

    @classmethod
    def _stored(cls, raw: bytes) -> "EventMessage":
        """A message the store returned (known to be a JSON object): parsed lazily."""
        message = cls.__new__(cls)
        message._raw = raw
        message._parsed = None
        return message

    @staticmethod
    def _check(parsed: Any) -> Dict[str, Any]:
        if not isinstance(parsed, dict):
            raise ValueError("an EventMessage must be a JSON object")
        return parsed

    @property
    def _data(self) -> Dict[str, Any]:
        if self._parsed is None:
            self._parsed = self._check(json.loads(self._raw))
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
        """``Metadata.Context.SequenceNumber``: the stream version of a stored event."""
        value = self._part("Context", "SequenceNumber")
        return value if isinstance(value, int) else None

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
        """An independent copy of the whole message as a dict."""
        return copy.deepcopy(self._data)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, EventMessage) and other._raw == self._raw

    def __hash__(self) -> int:
        return hash(self._raw)

    def __repr__(self) -> str:
        return f"EventMessage(name={self.name!r}, sequence_number={self.sequence_number!r}, message_id={self.message_id!r})"


#: What the write methods accept as a message: a dict (serialized with ``json.dumps``), JSON
#: text, JSON bytes, or an :class:`EventMessage` read back earlier.
MessageLike = Union[Mapping[str, Any], str, bytes, bytearray, EventMessage]


def encode_message(message: MessageLike) -> bytes:
    """The UTF-8 JSON bytes of ``message`` as the C ABI takes them."""
    if isinstance(message, EventMessage):
        return message.raw
    if isinstance(message, (bytes, bytearray)):
        return bytes(message)
    if isinstance(message, str):
        return message.encode("utf-8")
    if isinstance(message, Mapping):
        return json.dumps(dict(message), separators=(",", ":")).encode("utf-8")
    raise TypeError(f"a message must be a dict, str, bytes or EventMessage, not {type(message).__name__}")


_DECODER = json.JSONDecoder()
_SEPARATORS = re.compile(r"[ \t\n\r,]*")


def _skip(text: str, i: int) -> int:
    match = _SEPARATORS.match(text, i)
    return match.end() if match else i


def _items(data: bytes) -> List[Tuple[Any, int, int, str]]:
    """Parses a JSON array, returning each item with its start and end (str indexes)."""
    text = data.decode("utf-8")
    i = _skip(text, 0)
    if not text.startswith("[", i):
        raise ValueError("the library returned something other than a JSON array")
    i += 1
    out: List[Tuple[Any, int, int, str]] = []
    while True:
        i = _skip(text, i)
        if i >= len(text) or text[i] == "]":
            return out
        value, end = _DECODER.raw_decode(text, i)
        out.append((value, i, end, text))
        i = end


def _span(data: bytes, text: str, start: int, end: int) -> bytes:
    # When the text is ASCII (the usual case: .NET escapes non-ASCII) str and byte indexes agree.
    return data[start:end] if len(text) == len(data) else text[start:end].encode("utf-8")


def parse_message_array(data: bytes) -> List[EventMessage]:
    """Splits a buffer holding a JSON array of messages into :class:`EventMessage` objects,
    each keeping its exact stored bytes."""
    return [EventMessage(_span(data, text, start, end), value) for value, start, end, text in _items(data)]


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
    """Formats a time as .NET writes a UTC ``DateTimeOffset``: ISO-8601, up to 7 fraction
    digits with trailing zeros trimmed, explicit ``+00:00`` offset. Naive times are taken as UTC."""
    if moment.tzinfo is not None:
        moment = moment.astimezone(timezone.utc)
    fraction = f"{moment.microsecond:06d}0".rstrip("0")
    return moment.strftime("%Y-%m-%dT%H:%M:%S") + (f".{fraction}" if fraction else "") + "+00:00"


def create_message(
    event: Mapping[str, Any],
    *,
    name: str,
    aggregate_name: str,
    aggregate_id: str,
    version: int = 1,
    user_id: str = "system",
    partition_id: str = "default",
    correlation_id: Optional[str] = None,
    sequence_number: Optional[int] = None,
    message_id: Optional[str] = None,
) -> Dict[str, Any]:
    """Builds an EventMessage dict exactly as .NET's ``EventStoreHelper.CreateMessage`` does
    (wire-format.md): ``Event`` with ``$type`` first (``{name}V{version}`` from version 2),
    ``Metadata`` with ``DomainGlobalId``, ``Message`` and ``Context``. The message id is new
    unless given; the correlation id defaults to it; ``SequenceNumber`` is present only when
    given (the store then checks it, B-APP-3; otherwise it assigns the next version, B-APP-4).
    """
    mid = message_id if message_id is not None else new_message_id()
    now = format_dotnet_time(datetime.now(timezone.utc))
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
    An :class:`EventMessage` gives its raw bytes unchanged."""
    if isinstance(message, EventMessage):
        return message.raw
    out: List[str] = []
    _write(message, out)
    return "".join(out).encode("ascii")
