namespace Hexalith.EventStores;

using System.Runtime.CompilerServices;

using Lode;

/// <summary>
/// One page of a subscription: its records, and the log position the subscription has seen up
/// to after them (store it as the checkpoint once the page is processed).
/// </summary>
/// <param name="Records">The records, ascending by position (at least one).</param>
/// <param name="Position">The position seen up to (S-SUB-4).</param>
public sealed record SubscriptionPage(IReadOnlyList<LogRecord> Records, long Position);

/// <summary>
/// Subscriptions, read-your-writes and checkpoints (docs/subscriptions.md).
/// </summary>
public sealed partial class LodeEventStoreProvider
{
    /// <summary>
    /// Subscribes to the global log (S-SUB-1) a page at a time: every committed event after
    /// <paramref name="afterPosition"/> (0: the beginning; a checkpoint's position: resume
    /// after it; <see cref="LodeSubscription.FromNow"/>: only what commits from now on) that
    /// matches <paramref name="filter"/>, in log order, each once; the history first, then live
    /// events as they commit, also those of other processes. The enumeration never ends by
    /// itself: cancel the token or stop enumerating. While it waits for events no thread-pool
    /// thread is blocked (the wait runs on the subscription's own thread), and the token ends
    /// the wait at once.
    /// </summary>
    /// <param name="afterPosition">Where to start.</param>
    /// <param name="filter">What to deliver (<see langword="null"/>: every event).</param>
    /// <param name="pageSize">The most records per page.</param>
    /// <param name="cancellationToken">Ends the enumeration (with <see cref="OperationCanceledException"/>).</param>
    /// <returns>The pages.</returns>
    public async IAsyncEnumerable<SubscriptionPage> SubscribePagesAsync(
        long afterPosition,
        SubscriptionFilter? filter = null,
        int pageSize = LodeSubscription.DefaultPageSize,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using LodeSubscription subscription = _provider.Subscribe(afterPosition, filter, pageSize);
        while (true)
        {
            List<LogRecord> records;
            using (MessageBuffer page = await subscription.NextAsync(cancellationToken).ConfigureAwait(false))
            {
                records = new List<LogRecord>(page.Count);
                for (int i = 0; i < page.Count; i++)
                {
                    LogEnvelope envelope = LogEnvelope.Parse(page.GetItem(i));
                    records.Add(new LogRecord(envelope, Serializer.Deserialize(page[i], $"{envelope.Partition}/{envelope.AggregateType}/{envelope.AggregateId}", i)));
                }
            }

            yield return new SubscriptionPage(records, subscription.Position);
        }
    }

    /// <summary>
    /// Subscribes to the global log (S-SUB-1) a record at a time: as
    /// <see cref="SubscribePagesAsync"/>, one page held at a time.
    /// </summary>
    /// <param name="afterPosition">Where to start.</param>
    /// <param name="filter">What to deliver (<see langword="null"/>: every event).</param>
    /// <param name="cancellationToken">Ends the enumeration (with <see cref="OperationCanceledException"/>).</param>
    /// <returns>The records.</returns>
    public async IAsyncEnumerable<LogRecord> SubscribeAsync(
        long afterPosition,
        SubscriptionFilter? filter = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (SubscriptionPage page in SubscribePagesAsync(afterPosition, filter, LodeSubscription.DefaultPageSize, cancellationToken).ConfigureAwait(false))
        {
            foreach (LogRecord record in page.Records)
            {
                yield return record;
            }
        }
    }

    /// <summary>
    /// Waits until the log has reached <paramref name="position"/>, at most
    /// <paramref name="timeout"/> (S-SUB-7, read-your-writes); commits of other processes count.
    /// Looks at once; a wait runs on a thread of its own, in slices that the token ends.
    /// </summary>
    /// <param name="position">The position to wait for.</param>
    /// <param name="timeout">The longest wait.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>Whether the log reached it.</returns>
    public async Task<bool> WaitForPositionAsync(long position, TimeSpan timeout, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (_provider.WaitForPosition(position, TimeSpan.Zero))
        {
            return true;
        }

        long started = _timeProvider.GetTimestamp();
        return await Task.Factory.StartNew(
            () =>
            {
                TimeSpan slice = TimeSpan.FromMilliseconds(100);
                while (true)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    TimeSpan left = timeout - _timeProvider.GetElapsedTime(started);
                    if (left <= TimeSpan.Zero)
                    {
                        return _provider.WaitForPosition(position, TimeSpan.Zero);
                    }

                    if (_provider.WaitForPosition(position, left < slice ? left : slice))
                    {
                        return true;
                    }
                }
            },
            cancellationToken,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default).ConfigureAwait(false);
    }

    /// <summary>
    /// Reads checkpoint <paramref name="name"/> (S-CP-1).
    /// </summary>
    /// <param name="name">The checkpoint's name.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The checkpoint, or <see langword="null"/> when it was never stored.</returns>
    public Task<LodeCheckpoint?> GetCheckpointAsync(string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Run(cancellationToken, () => _provider.GetCheckpoint(name));
    }

    /// <summary>
    /// Stores checkpoint <paramref name="name"/> at <paramref name="position"/> (S-CP-2):
    /// forward only, never past the log's end. <see cref="LodeEventStore.AddWithCheckpointAsync"/>
    /// stores one with a consumer's output.
    /// </summary>
    /// <param name="name">The checkpoint's name.</param>
    /// <param name="position">The position processed up to.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The task.</returns>
    public Task StoreCheckpointAsync(string name, long position, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Run(cancellationToken, () =>
        {
            _provider.StoreCheckpoint(name, position);
            return true;
        });
    }

    /// <summary>
    /// Sets checkpoint <paramref name="name"/> to <paramref name="position"/>, backwards too
    /// (S-CP-4).
    /// </summary>
    /// <param name="name">The checkpoint's name.</param>
    /// <param name="position">The position.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The task.</returns>
    public Task ResetCheckpointAsync(string name, long position, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Run(cancellationToken, () =>
        {
            _provider.ResetCheckpoint(name, position);
            return true;
        });
    }
}
