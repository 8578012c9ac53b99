namespace Lode;

using Lode.Interop;

/// <summary>
/// A live subscription to the global log (docs/subscriptions.md, S-SUB-*), on the library's
/// bytes: every committed event after a position that matches a filter, in log order, each
/// once; first the stored history in pages, then live events as they commit, also those of
/// other processes. Made by <see cref="LodeProvider.Subscribe"/>.
/// </summary>
/// <remarks>
/// Pull style: the library never calls back. <see cref="Next"/> blocks the calling thread up
/// to its wait; <see cref="NextAsync"/> reads a page on the calling thread when one is ready
/// and otherwise waits on a thread of the subscription's own (made on the first wait, ended
/// by <see cref="Dispose"/>), so no thread-pool thread is blocked while it waits, and a
/// <see cref="CancellationToken"/> ends the wait at once. One consumer at a time;
/// <see cref="Wake"/> and <see cref="Dispose"/> may be called from any thread.
/// </remarks>
public sealed unsafe class LodeSubscription : IDisposable
{
    /// <summary>
    /// Pass as the position to subscribe from: only events committed from now on.
    /// </summary>
    public const long FromNow = NativeMethods.FromNow;

    /// <summary>
    /// Records per page unless asked otherwise (<c>LODE_DEFAULT_PAGE_SIZE</c>).
    /// </summary>
    public const int DefaultPageSize = 256;

    /// <summary>
    /// The largest page size (<c>LODE_MAX_PAGE_SIZE</c>).
    /// </summary>
    public const int MaxPageSize = 100_000;

    private readonly SubscriptionHandle _handle;
    private readonly nint _raw;
    private readonly object _lock = new();
    private Request? _pending;
    private Thread? _waiter;
    private bool _disposed;

    internal LodeSubscription(SubscriptionHandle handle)
    {
        _handle = handle;
        _raw = handle.DangerousGetHandle();
        LodeErrors.Check(NativeMethods.SubscriptionPosition(_handle, out long position, out nint error), error);
        Position = position;
    }

    /// <summary>
    /// Gets the log position the subscription has seen up to (S-SUB-4): every matching event at
    /// or below it was delivered. Store it as the checkpoint once they are processed.
    /// </summary>
    public long Position { get; private set; }

    /// <summary>Gets a value indicating whether the subscription was disposed.</summary>
    public bool IsDisposed => Volatile.Read(ref _disposed);

    /// <summary>Gets a value indicating whether the waiting thread is a thread-pool thread (tests).</summary>
    internal bool? WaiterIsThreadPoolThread { get; private set; }

    /// <summary>
    /// Reads the next page, blocking this thread at most <paramref name="maxWait"/> for one
    /// (<see cref="TimeSpan.Zero"/>: no wait; <see cref="Timeout.InfiniteTimeSpan"/>: until
    /// there is one, or <see cref="Wake"/> or <see cref="Dispose"/>).
    /// </summary>
    /// <param name="maxWait">The longest wait.</param>
    /// <returns>The records (<see cref="MessageBuffer.GetItem"/>; each message through the indexer); empty when the wait ended first.</returns>
    /// <exception cref="ObjectDisposedException">The subscription was disposed, also while this call waited.</exception>
    public MessageBuffer Next(TimeSpan maxWait)
    {
        long ms = maxWait == Timeout.InfiniteTimeSpan ? NativeMethods.WaitForever : LodeProvider.Milliseconds(maxWait);
        LodeErrors.Check(NativeMethods.SubscriptionNext(_handle, ms, out BufferHandle buffer, out long position, out nint error), error);
        Position = position;
        return new MessageBuffer(buffer);
    }

    /// <summary>
    /// Reads the next non-empty page: at once when one is ready, else after waiting for one on
    /// the subscription's own thread (never a thread-pool thread).
    /// </summary>
    /// <param name="cancellationToken">Ends the wait: the task is then cancelled.</param>
    /// <returns>The page's records (at least one).</returns>
    public ValueTask<MessageBuffer> NextAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        MessageBuffer page = Next(TimeSpan.Zero);
        if (page.Count > 0)
        {
            return new ValueTask<MessageBuffer>(page);
        }

        page.Dispose();
        return new ValueTask<MessageBuffer>(Enqueue(cancellationToken));
    }

    /// <summary>
    /// Makes a <see cref="Next"/> waiting on another thread return now, empty; the
    /// subscription goes on. Any thread.
    /// </summary>
    public void Wake()
    {
        int status = NativeMethods.SubscriptionWake(_raw, out nint error);
        if (status != NativeMethods.Ok && !IsDisposed)
        {
            throw LodeErrors.Create(status, error);
        }

        NativeMethods.ErrorFree(error);
    }

    /// <summary>
    /// Ends the subscription (S-SUB-8): a wait on another thread ends at once with
    /// <see cref="ObjectDisposedException"/>, and the subscription's waiting thread exits.
    /// Idempotent; any thread.
    /// </summary>
    public void Dispose()
    {
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            Monitor.PulseAll(_lock);
        }

        // The raw close first: the safe handle would wait for a call in flight to return.
        int status = NativeMethods.SubscriptionClose(_raw, out nint error);
        NativeMethods.ErrorFree(error);
        _ = status;
        _handle.Dispose();
    }

    private Task<MessageBuffer> Enqueue(CancellationToken cancellationToken)
    {
        Request request = new(cancellationToken);
        if (cancellationToken.CanBeCanceled)
        {
            // Registered before the waiting thread can see the request; a token cancelled
            // already wakes at once, and the waiting thread then finds it cancelled.
            request.Registration = cancellationToken.Register(static s => ((LodeSubscription)s!).WakeQuietly(), this);
        }

        lock (_lock)
        {
            if (_disposed || _pending is not null)
            {
                request.Registration.Dispose();
                ObjectDisposedException.ThrowIf(_disposed, this);
                throw new InvalidOperationException("Another NextAsync of this subscription is still waiting; one consumer at a time.");
            }

            _pending = request;
            if (_waiter is null)
            {
                _waiter = new Thread(Wait) { IsBackground = true, Name = "lode subscription" };
                _waiter.Start();
            }
            else
            {
                Monitor.PulseAll(_lock);
            }
        }

        return request.Completion.Task;
    }

    private void WakeQuietly()
    {
        _ = NativeMethods.SubscriptionWake(_raw, out nint error);
        NativeMethods.ErrorFree(error);
    }

    /// <summary>The subscription's waiting thread: serves one request at a time.</summary>
    private void Wait()
    {
        WaiterIsThreadPoolThread = Thread.CurrentThread.IsThreadPoolThread;
        while (true)
        {
            Request request;
            lock (_lock)
            {
                while (_pending is null && !_disposed)
                {
                    Monitor.Wait(_lock);
                }

                if (_pending is null)
                {
                    return;
                }

                request = _pending;
            }

            MessageBuffer? page = null;
            Exception? failure = null;
            try
            {
                while (!request.Token.IsCancellationRequested)
                {
                    // Returns with records, or empty when woken (a cancellation), or throws
                    // when the subscription is disposed.
                    page = Next(Timeout.InfiniteTimeSpan);
                    if (page.Count > 0)
                    {
                        break;
                    }

                    page.Dispose();
                    page = null;
                }
            }
#pragma warning disable CA1031 // Delivered through the task.
            catch (Exception e)
#pragma warning restore CA1031
            {
                failure = e;
            }

            lock (_lock)
            {
                _pending = null;
            }

            request.Registration.Dispose();
            if (page is not null)
            {
                request.Completion.SetResult(page);
            }
            else if (failure is not null)
            {
                request.Completion.SetException(failure);
            }
            else
            {
                request.Completion.SetCanceled(request.Token);
            }
        }
    }

    private sealed class Request(CancellationToken token)
    {
        public CancellationToken Token { get; } = token;

        public TaskCompletionSource<MessageBuffer> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public CancellationTokenRegistration Registration { get; set; }
    }
}
