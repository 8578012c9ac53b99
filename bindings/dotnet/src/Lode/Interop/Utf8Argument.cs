namespace Lode.Interop;

using System.Buffers;
using System.Text;

/// <summary>
/// A string encoded as UTF-8 for one native call: in a stack buffer when short, else in a
/// pooled array. <see cref="Null"/> stands for a NULL pointer with length 0.
/// </summary>
internal ref struct Utf8Argument
{
    private static readonly byte[] _empty = [0];
    private byte[]? _rented;
    private Span<byte> _bytes;

    /// <summary>
    /// Initializes a new instance of the <see cref="Utf8Argument"/> struct.
    /// </summary>
    /// <param name="value">The string, or <see langword="null"/> for NULL.</param>
    /// <param name="scratch">A stack buffer to use when the encoded string fits.</param>
    public Utf8Argument(string? value, Span<byte> scratch)
    {
        _rented = null;
        if (value is null)
        {
            Null = true;
            _bytes = default;
            return;
        }

        Null = false;
        int max = Encoding.UTF8.GetMaxByteCount(value.Length);
        Span<byte> target = max <= scratch.Length ? scratch : (_rented = ArrayPool<byte>.Shared.Rent(max));
        int written = Encoding.UTF8.GetBytes(value, target);
        _bytes = target[..written];
    }

    /// <summary>
    /// Gets a value indicating whether the argument is NULL.
    /// </summary>
    public bool Null { get; }

    /// <summary>
    /// Gets the number of bytes.
    /// </summary>
    public readonly nuint Length => (nuint)_bytes.Length;

    /// <summary>
    /// Gets a reference for <c>fixed</c>: the first byte; a null reference for NULL, and a
    /// valid pointer (with length 0) for an empty string, which the library then refuses as
    /// empty instead of taking it for "not given".
    /// </summary>
    /// <returns>The reference.</returns>
    public readonly ref byte GetPinnableReference()
    {
        if (Null)
        {
            return ref _bytes.GetPinnableReference();
        }

        return ref _bytes.IsEmpty ? ref _empty[0] : ref _bytes.GetPinnableReference();
    }

    /// <summary>
    /// Returns the pooled array, if one was rented.
    /// </summary>
    public void Dispose()
    {
        if (_rented is not null)
        {
            ArrayPool<byte>.Shared.Return(_rented);
            _rented = null;
        }
    }
}
