namespace Hexalith.EventStores;

using Hexalith.EventStores.Exceptions;

using Lode;

using Microsoft.Extensions.Logging;

/// <summary>
/// An <see cref="IEventStore"/> over a lode stream. Returned open by
/// <see cref="LodeEventStoreProvider"/>. Thread-safe. Its async methods run the (short) native
/// call on the calling thread and return a completed task; only <c>OpenAsync</c> waits,
/// asynchronously, while another session holds the lease.
/// </summary>
public sealed partial class LodeEventStore : IEventStore
{
    private readonly LodeEventStoreProvider _provider;
    private readonly LodeStore _store;
    private readonly ILogger _logger;
    private int _disposed;

    internal LodeEventStore(LodeEventStoreProvider provider, LodeStore store, ILogger logger)
    {
        _provider = provider;
        _store = store;
        _logger = logger;
    }

    /// <summary>Gets the store id, <c>database/name/id</c>.</summary>
    public string StoreId => _store.StoreId;

    /// <summary>Gets the database (partition).</summary>
    public string Database => _store.Database;

    /// <summary>Gets the stream name (aggregate type).</summary>
    public string Name => _store.Name;

    /// <summary>Gets the stream id (aggregate id).</summary>
    public string Id => _store.Id;

    /// <summary>Gets the lode-native store, for calls on raw bytes.</summary>
    public LodeStore NativeStore => _store;

    /// <inheritdoc/>
    public Task<long> AddAsync(IEnumerable<EventMessage> items, CancellationToken cancellationToken)
        => AddCoreAsync(items, null, null, null, cancellationToken);

    /// <summary>
    /// Appends messages and records a command id in the same transaction (Q-CMD-1); a command
    /// id recorded before throws <see cref="DuplicateEventStoreIdempotencyIdException"/> and
    /// nothing is written.
    /// </summary>
    /// <param name="items">The messages.</param>
    /// <param name="commandId">The command id.</param>
    /// <param name="commandType">The command type, if any.</param>
    /// <param name="actor">The actor (<see langword="null"/>: the first event's UserId).</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The new stream version.</returns>
    public Task<long> AddWithCommandAsync(IEnumerable<EventMessage> items, string commandId, string? commandType, string? actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(commandId);
        return AddCoreAsync(items, commandId, commandType, actor, cancellationToken);
    }

    /// <inheritdoc/>
    public Task ClearSnapshotAsync(long version, CancellationToken cancellationToken)
        => Run(cancellationToken, version, static (s, v) => s._store.ClearSnapshot(v));

    /// <inheritdoc/>
    public Task ClearSnapshotsAsync(CancellationToken cancellationToken)
        => Run(cancellationToken, 0, static (s, _) => s._store.ClearSnapshots());

    /// <inheritdoc/>
    public void Close() => _store.Close();

    /// <inheritdoc/>
    public Task<IEnumerable<EventMessage>> GetAsync(bool useSnapshot, CancellationToken cancellationToken)
        => Read(cancellationToken, useSnapshot, static (s, snapshot) => s._store.Read(snapshot));

    /// <inheritdoc/>
    public Task<IEnumerable<EventMessage>> GetAsync(CancellationToken cancellationToken)
        => GetAsync(useSnapshot: true, cancellationToken);

    /// <inheritdoc/>
    public Task<IEnumerable<EventMessage>> GetAsync(long version, bool useSnapshot, CancellationToken cancellationToken)
        => Read(cancellationToken, (version, useSnapshot), static (s, a) => s._store.ReadTo(a.version, a.useSnapshot));

    /// <inheritdoc/>
    public Task<IEnumerable<EventMessage>> GetSliceAsync(long first, long last, CancellationToken cancellationToken)
        => Read(cancellationToken, (first, last), static (s, a) => s._store.Slice(a.first, a.last));

    /// <inheritdoc/>
    public Task<long> LastSnapshotVersionAsync(CancellationToken cancellationToken)
        => Run(cancellationToken, 0, static (s, _) => s._store.LastSnapshotVersion());

    /// <summary>
    /// Opens the store again with the provider's default session and open timeouts.
    /// </summary>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The task.</returns>
    public Task OpenAsync(CancellationToken cancellationToken)
        => OpenAsync(_provider.Settings.DefaultSessionTimeout, _provider.Settings.DefaultOpenTimeout, cancellationToken);

    /// <inheritdoc/>
    public async Task OpenAsync(TimeSpan sessionTimeout, TimeSpan openTimeout, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_store.IsDisposed, this);
        _ = await _provider.RetryOpenAsync(
            (this, sessionTimeout),
            static a =>
            {
                a.Item1._store.Reopen(a.sessionTimeout, TimeSpan.Zero);
                return true;
            },
            StoreId,
            openTimeout,
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Extends the session by its timeout, while it is still valid.
    /// </summary>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The task.</returns>
    public Task RenewAsync(CancellationToken cancellationToken)
        => Run(cancellationToken, 0, static (s, _) => s._store.Renew());

    /// <inheritdoc/>
    public Task SnapshotAllAsync(int chunkSize, Func<IEnumerable<EventMessage>, EventMessage> snapshot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return Run(cancellationToken, (chunkSize, snapshot), static (s, a) =>
        {
            LodeMessageSerializer serializer = s._provider.Serializer;
            string storeId = s.StoreId;
            s._store.SnapshotAll(a.chunkSize, (version, json) =>
            {
                List<EventMessage> messages = serializer.DeserializeArray(json, storeId);
                EventMessage state = a.snapshot(messages) ?? throw new InvalidOperationException($"The snapshot function returned null at version {version} of store '{storeId}'.");
                return serializer.Serialize(state);
            });
        });
    }

    /// <inheritdoc/>
    public Task SnapshotAsync(long version, EventMessage snapshot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return Run(cancellationToken, (version, snapshot), static (s, a) => s._store.Snapshot(a.version, s._provider.Serializer.Serialize(a.snapshot)));
    }

    /// <inheritdoc/>
    public Task<IEnumerable<long>> SnapshotVersionsAsync(CancellationToken cancellationToken)
        => Run<IEnumerable<long>, int>(cancellationToken, 0, static (s, _) => s._store.SnapshotVersions());

    /// <inheritdoc/>
    public Task<long> VersionAsync(CancellationToken cancellationToken)
        => Run(cancellationToken, 0, static (s, _) => s._store.Version());

    /// <summary>
    /// Closes the session and releases the store. Idempotent; never throws (a failed close is
    /// logged, and the lease then lapses at its expiry).
    /// </summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        try
        {
            _store.Close();
        }
#pragma warning disable CA1031 // Dispose must not throw; the failure is logged.
        catch (Exception e)
#pragma warning restore CA1031
        {
            LogCloseFailed(_logger, e, StoreId);
        }

        _store.Dispose();
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "Closing store {StoreId} on dispose failed; its lease lapses at its expiry")]
    private static partial void LogCloseFailed(ILogger logger, Exception exception, string storeId);

    private Task Run<TArg>(CancellationToken cancellationToken, TArg arg, Action<LodeEventStore, TArg> action)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled(cancellationToken);
        }

        try
        {
            action(this, arg);
            return Task.CompletedTask;
        }
#pragma warning disable CA1031 // Delivered through the task.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return Task.FromException(e);
        }
    }

    private Task<TResult> Run<TResult, TArg>(CancellationToken cancellationToken, TArg arg, Func<LodeEventStore, TArg, TResult> func)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<TResult>(cancellationToken);
        }

        try
        {
            return Task.FromResult(func(this, arg));
        }
#pragma warning disable CA1031 // Delivered through the task.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return Task.FromException<TResult>(e);
        }
    }

    private Task<IEnumerable<EventMessage>> Read<TArg>(CancellationToken cancellationToken, TArg arg, Func<LodeEventStore, TArg, MessageBuffer> read)
        => Run<IEnumerable<EventMessage>, TArg>(cancellationToken, arg, (s, a) =>
        {
            using MessageBuffer buffer = read(s, a);
            return s._provider.Serializer.ReadAll(buffer, s.StoreId);
        });

    private Task<long> AddCoreAsync(IEnumerable<EventMessage> items, string? commandId, string? commandType, string? actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        return Run(cancellationToken, (items, commandId, commandType, actor), static (s, a) =>
        {
            IReadOnlyList<EventMessage> batch = a.items as IReadOnlyList<EventMessage> ?? [.. a.items];
            try
            {
                return s._provider.Serializer.WriteBatch(
                    batch,
                    (s._store, a.commandId, a.commandType, a.actor),
                    static (st, joined, ends) => st._store.AppendJoined(joined, ends, st.commandId, st.commandType, st.actor));
            }
            catch (StoreVersionMismatchException e) when (e.Metadata is null)
            {
                EventMessage? refused = batch.FirstOrDefault(m => m?.Metadata.Message.Id == e.MessageId);
                StoreVersionMismatchException enriched = new(e.Message, e.StoreId, e.ExpectedVersion, e.ActualVersion, e.MessageId, refused?.Metadata);
                CopyData(e, enriched);
                throw enriched;
            }
            catch (DuplicateEventStoreIdempotencyIdException e) when (e.Event is null && a.commandId != e.IdempotencyId)
            {
                EventMessage? refused = batch.FirstOrDefault(m => m?.Metadata.Message.Id == e.IdempotencyId);
                DuplicateEventStoreIdempotencyIdException enriched = new(e.Message, e.StreamId, e.IdempotencyId, refused);
                CopyData(e, enriched);
                throw enriched;
            }
        });
    }

    private static void CopyData(Exception from, Exception to)
    {
        foreach (System.Collections.DictionaryEntry entry in from.Data)
        {
            to.Data[entry.Key] = entry.Value;
        }
    }
}
