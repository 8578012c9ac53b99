namespace Lode;

using Lode.Interop;

/// <summary>
/// A checkpoint (S-CP-1): how far a consumer has processed the log, and when it was stored.
/// </summary>
/// <param name="Position">The last log position the consumer dealt with; it resumes after it.</param>
/// <param name="StoredAt">When the store recorded it (its own UTC clock).</param>
public readonly record struct LodeCheckpoint(long Position, DateTimeOffset StoredAt);

/// <summary>
/// Subscriptions, read-your-writes and checkpoints (docs/subscriptions.md).
/// </summary>
public sealed unsafe partial class LodeProvider
{
    /// <summary>
    /// Subscribes to the global log (S-SUB-1): every committed event after
    /// <paramref name="afterPosition"/> (0: the beginning; a checkpoint's position: resume
    /// after it; <see cref="LodeSubscription.FromNow"/>: only what commits from now on) that
    /// matches <paramref name="filter"/>, in log order, each once; the history first, in
    /// pages, then live events as they commit.
    /// </summary>
    /// <param name="afterPosition">Where to start.</param>
    /// <param name="filter">What to deliver (<see langword="null"/>: every event).</param>
    /// <param name="pageSize">Records per page (1 to <see cref="LodeSubscription.MaxPageSize"/>).</param>
    /// <returns>The subscription; dispose it to end it.</returns>
    public LodeSubscription Subscribe(long afterPosition, SubscriptionFilter? filter = null, int pageSize = LodeSubscription.DefaultPageSize)
    {
        byte[] json = (filter ?? SubscriptionFilter.All).ToJson();
        fixed (byte* f = json)
        {
            int status = NativeMethods.SubscriptionOpen(_handle, afterPosition, f, (nuint)json.Length, pageSize, out SubscriptionHandle handle, out nint error);
            if (status != NativeMethods.Ok)
            {
                handle.Dispose();
                throw LodeErrors.Create(status, error);
            }

            try
            {
                return new LodeSubscription(handle);
            }
            catch
            {
                handle.Dispose();
                throw;
            }
        }
    }

    /// <summary>
    /// Gets the global log's last position (0 while it is empty).
    /// </summary>
    /// <returns>The position.</returns>
    public long HeadPosition()
    {
        LodeErrors.Check(NativeMethods.ProviderHeadPosition(_handle, out long position, out nint error), error);
        return position;
    }

    /// <summary>
    /// Blocks this thread until the log has reached <paramref name="position"/>, at most
    /// <paramref name="timeout"/> (S-SUB-7, read-your-writes). Commits of other processes count.
    /// </summary>
    /// <param name="position">The position to wait for.</param>
    /// <param name="timeout">The longest wait.</param>
    /// <returns>Whether the log reached it.</returns>
    public bool WaitForPosition(long position, TimeSpan timeout)
    {
        LodeErrors.Check(NativeMethods.ProviderWaitForPosition(_handle, position, Milliseconds(timeout), out bool reached, out nint error), error);
        return reached;
    }

    /// <summary>
    /// Reads checkpoint <paramref name="name"/> (S-CP-1).
    /// </summary>
    /// <param name="name">The checkpoint's name (1 to 400 bytes of UTF-8).</param>
    /// <returns>The checkpoint, or <see langword="null"/> when it was never stored.</returns>
    public LodeCheckpoint? GetCheckpoint(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        Span<byte> scratch = stackalloc byte[512];
        using Utf8Argument n = new(name, scratch);
        fixed (byte* np = n)
        {
            LodeErrors.Check(NativeMethods.ProviderCheckpoint(_handle, np, n.Length, out bool found, out long position, out long storedAt, out nint error), error);
            return found ? new LodeCheckpoint(position, LodeTime.FromMicroseconds(storedAt)) : null;
        }
    }

    /// <summary>
    /// Stores checkpoint <paramref name="name"/> at <paramref name="position"/> on its own
    /// (S-CP-2). It only moves forward (an <see cref="ArgumentException"/> otherwise: another
    /// consumer of that name got further) and never past the log's end.
    /// </summary>
    /// <param name="name">The checkpoint's name.</param>
    /// <param name="position">The position processed up to.</param>
    public void StoreCheckpoint(string name, long position) => WriteCheckpoint(name, position, reset: false);

    /// <summary>
    /// Sets checkpoint <paramref name="name"/> to <paramref name="position"/>, backwards too
    /// (S-CP-4: to rebuild a read model).
    /// </summary>
    /// <param name="name">The checkpoint's name.</param>
    /// <param name="position">The position.</param>
    public void ResetCheckpoint(string name, long position) => WriteCheckpoint(name, position, reset: true);

    private void WriteCheckpoint(string name, long position, bool reset)
    {
        ArgumentNullException.ThrowIfNull(name);
        Span<byte> scratch = stackalloc byte[512];
        using Utf8Argument n = new(name, scratch);
        fixed (byte* np = n)
        {
            LodeErrors.Check(NativeMethods.ProviderStoreCheckpoint(_handle, np, n.Length, position, reset, out nint error), error);
        }
    }
}
