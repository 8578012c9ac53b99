namespace Lode;

using System.Buffers;

using Lode.Interop;

/// <summary>
/// Appends with a checkpoint (S-CP-3).
/// </summary>
public sealed unsafe partial class LodeStore
{
    /// <summary>
    /// Appends messages and stores checkpoint <paramref name="checkpointName"/> at
    /// <paramref name="position"/> in the same transaction (S-CP-3): a consumer's output and
    /// "processed up to here" commit together or not at all. The checkpoint only moves forward
    /// and may cover this batch's own events; an empty batch stores it alone.
    /// </summary>
    /// <param name="messages">The messages (UTF-8 JSON).</param>
    /// <param name="checkpointName">The checkpoint's name.</param>
    /// <param name="position">The position processed up to.</param>
    /// <returns>The stream's version.</returns>
    public long AppendWithCheckpoint(ReadOnlySpan<ReadOnlyMemory<byte>> messages, string checkpointName, long position)
    {
        ArgumentNullException.ThrowIfNull(checkpointName);
        ThrowIfDisposed();
        int count = messages.Length;
        MemoryHandle[] pins = ArrayPool<MemoryHandle>.Shared.Rent(Math.Max(count, 1));
        LodeBytes[] batch = ArrayPool<LodeBytes>.Shared.Rent(Math.Max(count, 1));
        int pinned = 0;
        try
        {
            for (; pinned < count; pinned++)
            {
                pins[pinned] = messages[pinned].Pin();
                batch[pinned].Pointer = (byte*)pins[pinned].Pointer;
                batch[pinned].Length = (nuint)messages[pinned].Length;
            }

            fixed (LodeBytes* b = batch)
            {
                return AppendWithCheckpoint(b, count, checkpointName, position);
            }
        }
        finally
        {
            for (int i = 0; i < pinned; i++)
            {
                pins[i].Dispose();
            }

            ArrayPool<MemoryHandle>.Shared.Return(pins, clearArray: true);
            ArrayPool<LodeBytes>.Shared.Return(batch);
        }
    }

    /// <summary>
    /// <see cref="AppendWithCheckpoint(ReadOnlySpan{ReadOnlyMemory{byte}}, string, long)"/> on
    /// messages written one after the other into <paramref name="joined"/>.
    /// </summary>
    internal long AppendJoinedWithCheckpoint(ReadOnlySpan<byte> joined, ReadOnlySpan<int> ends, string checkpointName, long position)
    {
        ThrowIfDisposed();
        int count = ends.Length;
        LodeBytes[] batch = ArrayPool<LodeBytes>.Shared.Rent(Math.Max(count, 1));
        try
        {
            fixed (byte* basePtr = joined)
            {
                int start = 0;
                for (int i = 0; i < count; i++)
                {
                    batch[i].Pointer = basePtr + start;
                    batch[i].Length = (nuint)(ends[i] - start);
                    start = ends[i];
                }

                fixed (LodeBytes* b = batch)
                {
                    return AppendWithCheckpoint(b, count, checkpointName, position);
                }
            }
        }
        finally
        {
            ArrayPool<LodeBytes>.Shared.Return(batch);
        }
    }

    private long AppendWithCheckpoint(LodeBytes* batch, int count, string checkpointName, long position)
    {
        Span<byte> scratch = stackalloc byte[512];
        using Utf8Argument n = new(checkpointName, scratch);
        fixed (byte* np = n)
        {
            LodeErrors.Check(NativeMethods.StoreAppendWithCheckpoint(_handle, count == 0 ? null : batch, (nuint)count, np, n.Length, position, out long version, out nint error), error);
            return version;
        }
    }
}
