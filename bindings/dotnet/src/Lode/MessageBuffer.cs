namespace Lode;

using Lode.Interop;

/// <summary>
/// A read result held in the library's memory: the JSON array of the stored messages, each
/// message reachable as a <see cref="ReadOnlySpan{T}"/> slice of it (no copy, no parse).
/// Not thread-safe; the slices are valid until <see cref="Dispose"/>.
/// </summary>
public sealed unsafe class MessageBuffer : IDisposable
{
    private readonly BufferHandle _handle;
    private readonly byte* _data;
    private readonly nuint* _offsets;

    internal MessageBuffer(BufferHandle handle)
    {
        _handle = handle;
        _data = NativeMethods.BufferData(handle);
        Length = checked((int)NativeMethods.BufferLength(handle));
        Count = checked((int)NativeMethods.BufferCount(handle));
        _offsets = NativeMethods.BufferMessageOffsets(handle);
        if (Count > 0 && _offsets is null)
        {
            throw new LodeInternalException("The library returned a read result without message offsets.");
        }
    }

    /// <summary>
    /// Gets the number of messages (or records).
    /// </summary>
    public int Count { get; }

    /// <summary>
    /// Gets the number of bytes of the whole JSON document.
    /// </summary>
    public int Length { get; }

    /// <summary>
    /// Gets the whole JSON document (an array).
    /// </summary>
    public ReadOnlySpan<byte> Json
    {
        get
        {
            ObjectDisposedException.ThrowIf(_handle.IsClosed, this);
            return new ReadOnlySpan<byte>(_data, Length);
        }
    }

    /// <summary>
    /// Gets the stored bytes of message <paramref name="index"/> (for a query result: the
    /// record's <c>Message</c>).
    /// </summary>
    /// <param name="index">The index, 0 to <see cref="Count"/> - 1.</param>
    /// <returns>The message's UTF-8 JSON, valid until the buffer is disposed.</returns>
    public ReadOnlySpan<byte> this[int index]
    {
        get
        {
            ObjectDisposedException.ThrowIf(_handle.IsClosed, this);
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
            nuint start = _offsets[2 * index];
            nuint end = _offsets[(2 * index) + 1];
            return new ReadOnlySpan<byte>(_data + start, checked((int)(end - start)));
        }
    }

    /// <summary>
    /// Gets the bytes of item <paramref name="index"/> of the array: the message itself for a
    /// read, the whole record for a query.
    /// </summary>
    /// <param name="index">The index.</param>
    /// <returns>The item's UTF-8 JSON, valid until the buffer is disposed.</returns>
    public ReadOnlySpan<byte> GetItem(int index)
    {
        ObjectDisposedException.ThrowIf(_handle.IsClosed, this);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        LodeErrors.Check(NativeMethods.BufferItem(_handle, (nuint)index, out byte* data, out nuint length), 0);
        return new ReadOnlySpan<byte>(data, checked((int)length));
    }

    /// <summary>
    /// Copies message <paramref name="index"/> to a new array.
    /// </summary>
    /// <param name="index">The index.</param>
    /// <returns>The copy.</returns>
    public byte[] ToArray(int index) => this[index].ToArray();

    /// <summary>
    /// Frees the library's memory.
    /// </summary>
    public void Dispose() => _handle.Dispose();
}
