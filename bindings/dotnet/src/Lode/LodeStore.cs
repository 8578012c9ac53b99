namespace Lode;

using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Runtime.InteropServices;
using System.Text.Json;

using Lode.Interop;

/// <summary>
/// Computes the snapshot at <paramref name="version"/> from <paramref name="messagesJson"/>
/// (the JSON array a read with snapshot gives there) and returns the snapshot message's UTF-8
/// JSON.
/// </summary>
/// <param name="version">The version the snapshot stands for.</param>
/// <param name="messagesJson">The messages up to it, a JSON array (valid during the call only).</param>
/// <returns>The snapshot message.</returns>
public delegate ReadOnlyMemory<byte> LodeSnapshotFunc(long version, ReadOnlySpan<byte> messagesJson);

/// <summary>
/// The event stream of one aggregate, through a session, on the library's bytes (the
/// lode-native layer). May be used from any thread, and from several at once.
/// </summary>
public sealed unsafe partial class LodeStore : IDisposable
{
    private const int StackBatch = 32;

    private readonly StoreHandle _handle;

    internal LodeStore(StoreHandle handle, string database, string name, string id)
    {
        _handle = handle;
        Database = database;
        Name = name;
        Id = id;
        StoreId = $"{database}/{name}/{id}";
    }

    /// <summary>Gets the database (partition) of the stream.</summary>
    public string Database { get; }

    /// <summary>Gets the stream name (aggregate type).</summary>
    public string Name { get; }

    /// <summary>Gets the stream id (aggregate id).</summary>
    public string Id { get; }

    /// <summary>Gets the store id, <c>database/name/id</c>.</summary>
    public string StoreId { get; }

    /// <summary>Gets a value indicating whether the store was disposed.</summary>
    public bool IsDisposed => _handle.IsClosed;

    /// <summary>Gets the native handle (for the benchmark's direct C ABI baseline).</summary>
    internal StoreHandle Handle => _handle;

    /// <summary>
    /// Ends the session, releasing the lease if this session still holds it. Idempotent; does
    /// nothing once disposed. A storage failure is thrown and the session kept, so it can be retried.
    /// </summary>
    public void Close()
    {
        if (_handle.IsClosed)
        {
            return;
        }

        LodeErrors.Check(NativeMethods.StoreClose(_handle, out nint error), error);
    }

    /// <summary>
    /// Opens a new session after <see cref="Close"/> or an expiry, blocking up to
    /// <paramref name="openTimeout"/> while another session holds the lease.
    /// </summary>
    /// <param name="sessionTimeout">The session timeout (<see langword="null"/>: the provider's default).</param>
    /// <param name="openTimeout">The open timeout (zero: try once; <see langword="null"/>: the provider's default).</param>
    public void Reopen(TimeSpan? sessionTimeout = null, TimeSpan? openTimeout = null)
    {
        ThrowIfDisposed();
        LodeErrors.Check(NativeMethods.StoreReopen(_handle, LodeProvider.Milliseconds(sessionTimeout), LodeProvider.Milliseconds(openTimeout), out nint error), error);
    }

    /// <summary>
    /// Extends the session by its timeout, while it is still valid.
    /// </summary>
    public void Renew()
    {
        ThrowIfDisposed();
        LodeErrors.Check(NativeMethods.StoreRenew(_handle, out nint error), error);
    }

    /// <summary>
    /// Appends messages (UTF-8 EventMessage JSON each) atomically.
    /// </summary>
    /// <param name="messages">The messages.</param>
    /// <returns>The new stream version.</returns>
    public long Append(ReadOnlySpan<ReadOnlyMemory<byte>> messages) => AppendCore(messages, null, null, null);

    /// <summary>
    /// Appends messages atomically and records a command id in the same transaction (Q-CMD-1).
    /// </summary>
    /// <param name="messages">The messages.</param>
    /// <param name="commandId">The command id (1 to 400 bytes); recorded before: nothing is written.</param>
    /// <param name="commandType">The command type, if any.</param>
    /// <param name="actor">The actor (<see langword="null"/>: the first event's UserId).</param>
    /// <returns>The new stream version.</returns>
    public long AppendWithCommand(ReadOnlySpan<ReadOnlyMemory<byte>> messages, string commandId, string? commandType = null, string? actor = null)
    {
        ArgumentNullException.ThrowIfNull(commandId);
        return AppendCore(messages, commandId, commandType, actor);
    }

    /// <summary>
    /// Reads the whole stream (with <paramref name="useSnapshot"/>: the latest snapshot, then
    /// the events after it).
    /// </summary>
    /// <param name="useSnapshot">Whether to start from the latest snapshot.</param>
    /// <returns>The messages.</returns>
    public MessageBuffer Read(bool useSnapshot = true)
    {
        ThrowIfDisposed();
        LodeErrors.Check(NativeMethods.StoreRead(_handle, useSnapshot, out BufferHandle buffer, out nint error), error);
        return new MessageBuffer(buffer);
    }

    /// <summary>
    /// Reads events 1 to <paramref name="version"/> (or the latest snapshot at or below it,
    /// then the events after).
    /// </summary>
    /// <param name="version">The last version.</param>
    /// <param name="useSnapshot">Whether to start from a snapshot.</param>
    /// <returns>The messages.</returns>
    public MessageBuffer ReadTo(long version, bool useSnapshot = true)
    {
        ThrowIfDisposed();
        LodeErrors.Check(NativeMethods.StoreReadTo(_handle, version, useSnapshot, out BufferHandle buffer, out nint error), error);
        return new MessageBuffer(buffer);
    }

    /// <summary>
    /// Reads events <paramref name="first"/> to <paramref name="last"/> (inclusive).
    /// </summary>
    /// <param name="first">The first version (1 or more).</param>
    /// <param name="last">The last version.</param>
    /// <returns>The events.</returns>
    public MessageBuffer Slice(long first, long last)
    {
        ThrowIfDisposed();
        LodeErrors.Check(NativeMethods.StoreSlice(_handle, first, last, out BufferHandle buffer, out nint error), error);
        return new MessageBuffer(buffer);
    }

    /// <summary>
    /// Gets the current stream version (0 for an empty stream).
    /// </summary>
    /// <returns>The version.</returns>
    public long Version()
    {
        ThrowIfDisposed();
        LodeErrors.Check(NativeMethods.StoreVersion(_handle, out long version, out nint error), error);
        return version;
    }

    /// <summary>
    /// Stores a snapshot message (kept byte for byte) at a version.
    /// </summary>
    /// <param name="version">The version, 1 to the current version.</param>
    /// <param name="message">The snapshot's UTF-8 EventMessage JSON.</param>
    public void Snapshot(long version, ReadOnlySpan<byte> message)
    {
        ThrowIfDisposed();
        fixed (byte* p = message)
        {
            LodeErrors.Check(NativeMethods.StoreSnapshot(_handle, version, p, (nuint)message.Length, out nint error), error);
        }
    }

    /// <summary>
    /// Removes the snapshot at a version.
    /// </summary>
    /// <param name="version">The version.</param>
    public void ClearSnapshot(long version)
    {
        ThrowIfDisposed();
        LodeErrors.Check(NativeMethods.StoreClearSnapshot(_handle, version, out nint error), error);
    }

    /// <summary>
    /// Removes every snapshot of the stream.
    /// </summary>
    public void ClearSnapshots()
    {
        ThrowIfDisposed();
        LodeErrors.Check(NativeMethods.StoreClearSnapshots(_handle, out nint error), error);
    }

    /// <summary>
    /// Gets the snapshot versions, ascending.
    /// </summary>
    /// <returns>The versions.</returns>
    public long[] SnapshotVersions()
    {
        ThrowIfDisposed();
        LodeErrors.Check(NativeMethods.StoreSnapshotVersions(_handle, out BufferHandle buffer, out nint error), error);
        using (buffer)
        {
            ReadOnlySpan<byte> json = new(NativeMethods.BufferData(buffer), checked((int)NativeMethods.BufferLength(buffer)));
            return JsonSerializer.Deserialize(json, LodeJsonContext.Default.Int64Array) ?? [];
        }
    }

    /// <summary>
    /// Gets the last snapshot version (0 when none).
    /// </summary>
    /// <returns>The version.</returns>
    public long LastSnapshotVersion()
    {
        ThrowIfDisposed();
        LodeErrors.Check(NativeMethods.StoreLastSnapshotVersion(_handle, out long version, out nint error), error);
        return version;
    }

    /// <summary>
    /// At every multiple of <paramref name="chunkSize"/> without a snapshot, calls
    /// <paramref name="snapshot"/> (on this thread) and stores what it returns. An exception
    /// thrown by <paramref name="snapshot"/> stops the walk and is rethrown here.
    /// </summary>
    /// <param name="chunkSize">The number of events between snapshots (1 or more).</param>
    /// <param name="snapshot">Computes a snapshot.</param>
    public void SnapshotAll(long chunkSize, LodeSnapshotFunc snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ThrowIfDisposed();
        SnapshotState state = new(snapshot);
        GCHandle gc = GCHandle.Alloc(state);
        try
        {
            int status = NativeMethods.StoreSnapshotAll(_handle, chunkSize, &OnSnapshot, GCHandle.ToIntPtr(gc), out nint error);
            if (status != NativeMethods.Ok)
            {
                Exception native = LodeErrors.Create(status, error);
                if (state.Failure is not null)
                {
                    state.Failure.Throw();
                }

                throw native;
            }

            NativeMethods.ErrorFree(error);
        }
        finally
        {
            gc.Free();
        }
    }

    /// <summary>
    /// Ends the session and releases the handle; later calls throw
    /// <see cref="ObjectDisposedException"/>. Idempotent.
    /// </summary>
    public void Dispose() => _handle.Dispose();

    /// <summary>
    /// Appends a batch already serialized into one contiguous buffer: message <c>i</c> is
    /// <c>joined[ends[i-1]..ends[i]]</c>.
    /// </summary>
    /// <param name="joined">The messages, back to back.</param>
    /// <param name="ends">The end offset of each message.</param>
    /// <param name="commandId">A command id to record, or <see langword="null"/>.</param>
    /// <param name="commandType">The command type, or <see langword="null"/>.</param>
    /// <param name="actor">The command's actor, or <see langword="null"/>.</param>
    /// <returns>The new stream version.</returns>
    internal long AppendJoined(ReadOnlySpan<byte> joined, ReadOnlySpan<int> ends, string? commandId, string? commandType, string? actor)
    {
        ThrowIfDisposed();
        int count = ends.Length;
        LodeBytes[]? rented = null;
        Span<LodeBytes> batch = count <= StackBatch ? stackalloc LodeBytes[StackBatch] : (rented = ArrayPool<LodeBytes>.Shared.Rent(count));
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
                    return Append(b, count, commandId, commandType, actor);
                }
            }
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<LodeBytes>.Shared.Return(rented);
            }
        }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int OnSnapshot(nint userData, long version, byte* messages, nuint length, nint output)
    {
        SnapshotState? state = null;
        try
        {
            state = (SnapshotState)GCHandle.FromIntPtr(userData).Target!;
            ReadOnlyMemory<byte> result = state.Func(version, new ReadOnlySpan<byte>(messages, checked((int)length)));
            using MemoryHandle pin = result.Pin();
            return NativeMethods.BufferWrite(output, (byte*)pin.Pointer, (nuint)result.Length);
        }
        catch (Exception e)
        {
            if (state is not null)
            {
                state.Failure = ExceptionDispatchInfo.Capture(e);
            }

            return 1;
        }
    }

    private long AppendCore(ReadOnlySpan<ReadOnlyMemory<byte>> messages, string? commandId, string? commandType, string? actor)
    {
        ThrowIfDisposed();
        int count = messages.Length;
        LodeBytes[]? rented = null;
        MemoryHandle[] pins = ArrayPool<MemoryHandle>.Shared.Rent(Math.Max(count, 1));
        Span<LodeBytes> batch = count <= StackBatch ? stackalloc LodeBytes[StackBatch] : (rented = ArrayPool<LodeBytes>.Shared.Rent(count));
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
                return Append(b, count, commandId, commandType, actor);
            }
        }
        finally
        {
            for (int i = 0; i < pinned; i++)
            {
                pins[i].Dispose();
            }

            ArrayPool<MemoryHandle>.Shared.Return(pins, clearArray: true);
            if (rented is not null)
            {
                ArrayPool<LodeBytes>.Shared.Return(rented);
            }
        }
    }

    private long Append(LodeBytes* batch, int count, string? commandId, string? commandType, string? actor)
    {
        nint error;
        long version;
        int status;
        if (commandId is null)
        {
            status = NativeMethods.StoreAppend(_handle, batch, (nuint)count, out version, out error);
        }
        else
        {
            Span<byte> s1 = stackalloc byte[512];
            Span<byte> s2 = stackalloc byte[256];
            Span<byte> s3 = stackalloc byte[256];
            using Utf8Argument c = new(commandId, s1);
            using Utf8Argument t = new(commandType, s2);
            using Utf8Argument a = new(actor, s3);
            fixed (byte* cp = c)
            fixed (byte* tp = t)
            fixed (byte* ap = a)
            {
                status = NativeMethods.StoreAppendWithCommand(_handle, batch, (nuint)count, cp, c.Length, tp, t.Length, ap, a.Length, out version, out error);
            }
        }

        LodeErrors.Check(status, error);
        return version;
    }

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(_handle.IsClosed, this);

    private sealed class SnapshotState(LodeSnapshotFunc func)
    {
        public LodeSnapshotFunc Func { get; } = func;

        public ExceptionDispatchInfo? Failure { get; set; }
    }
}
