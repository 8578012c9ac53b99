namespace Hexalith.EventStores;

using System.Globalization;
using System.Text.Json;

using Hexalith.Commons.Configurations;
using Hexalith.Commons.Metadatas;
using Hexalith.EventStores.Configurations;
using Hexalith.EventStores.Exceptions;

using Lode;
using Lode.Logging;

using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

/// <summary>
/// The Hexalith.EventStores provider backed by lode: an embedded event store in a directory,
/// safe across threads and processes. Replace the construction of <c>KeyValueEventStoreProvider</c>
/// with <c>new LodeEventStoreProvider(path)</c>, or register it with
/// <c>services.AddLodeEventStore(configuration)</c>. Thread-safe; dispose it to release the
/// directory (stores already opened stay usable until disposed).
/// </summary>
public sealed partial class LodeEventStoreProvider : IEventStoreProvider, IDisposable, IAsyncDisposable
{
    private static readonly TimeSpan _firstRetry = TimeSpan.FromMilliseconds(2);
    private static readonly TimeSpan _longestRetry = TimeSpan.FromMilliseconds(50);

    private readonly LodeProvider _provider;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;
    private readonly TimeProvider _timeProvider;
    private readonly IDisposable? _logRoute;
    private LodeMessageSerializer? _serializer;

    /// <summary>
    /// Initializes a new instance of the <see cref="LodeEventStoreProvider"/> class: opens
    /// (creating if needed) the store directory at <paramref name="path"/>.
    /// </summary>
    /// <param name="path">The store directory.</param>
    /// <param name="settings">The Hexalith settings (default database and timeouts); the defaults when null.</param>
    /// <param name="lodeSettings">The storage settings; the library's defaults when null (its <see cref="LodeSettings.Path"/> is ignored).</param>
    /// <param name="loggerFactory">Where the library's and the provider's logs go; none when null.</param>
    /// <param name="timeProvider">The clock of message creation and open retries (<see cref="TimeProvider.System"/> when null).</param>
    public LodeEventStoreProvider(
        string path,
        EventStoreSettings? settings = null,
        LodeSettings? lodeSettings = null,
        ILoggerFactory? loggerFactory = null,
        TimeProvider? timeProvider = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Settings = settings ?? new EventStoreSettings();
        SettingsException<EventStoreSettings>.ThrowIfUndefined(Settings.DefaultDatabase);
        if (Settings.DefaultOpenTimeout < TimeSpan.Zero || Settings.DefaultSessionTimeout <= TimeSpan.Zero)
        {
            throw new SettingsException<EventStoreSettings>(
                $"The DefaultOpenTimeout ({Settings.DefaultOpenTimeout}) must not be negative and the DefaultSessionTimeout ({Settings.DefaultSessionTimeout}) must be positive in {EventStoreSettings.ConfigurationName()} settings.");
        }

        _loggerFactory = loggerFactory ?? NullLoggerFactory.Instance;
        _logger = _loggerFactory.CreateLogger<LodeEventStoreProvider>();
        _timeProvider = timeProvider ?? TimeProvider.System;
        if (loggerFactory is not null && loggerFactory is not NullLoggerFactory)
        {
            _logRoute = LodeLogging.AddLoggerFactory(loggerFactory);
        }

        try
        {
            _provider = new LodeProvider(path, Settings, lodeSettings);
        }
        catch
        {
            _logRoute?.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Initializes a new instance of the <see cref="LodeEventStoreProvider"/> class from options
    /// (the dependency-injection constructor).
    /// </summary>
    /// <param name="options">The Hexalith settings.</param>
    /// <param name="lodeOptions">The storage settings; <see cref="LodeSettings.Path"/> is required.</param>
    /// <param name="loggerFactory">Where logs go; none when null.</param>
    /// <param name="timeProvider">The clock (<see cref="TimeProvider.System"/> when null).</param>
    public LodeEventStoreProvider(
        IOptions<EventStoreSettings> options,
        IOptions<LodeSettings> lodeOptions,
        ILoggerFactory? loggerFactory = null,
        TimeProvider? timeProvider = null)
        : this(
            PathOf(lodeOptions),
            (options ?? throw new ArgumentNullException(nameof(options))).Value,
            lodeOptions.Value,
            loggerFactory,
            timeProvider)
    {
    }

    /// <summary>
    /// Upgrades the store directory at <paramref name="path"/> from an older on-disk format (1
    /// or 2) to the format this library reads, in one transaction (a crash leaves the old format
    /// intact or the new format complete); a directory already current is left as it is. Run it once, with no
    /// other process using the directory, when opening says the directory needs it.
    /// </summary>
    /// <param name="path">The store directory.</param>
    /// <param name="lodeSettings">The storage settings; the library's defaults when null.</param>
    /// <returns>The format the directory was in.</returns>
    public static uint UpgradeDirectory(string path, LodeSettings? lodeSettings = null)
        => LodeProvider.UpgradeDirectory(path, lodeSettings);

    /// <summary>
    /// Gets the Hexalith settings in force.
    /// </summary>
    public EventStoreSettings Settings { get; }

    /// <summary>
    /// Gets the store directory.
    /// </summary>
    public string Path => _provider.Path;

    /// <summary>
    /// Gets the lode-native provider, for calls on raw bytes.
    /// </summary>
    public LodeProvider NativeProvider => _provider;

    /// <summary>
    /// Gets or sets the serializer options of messages. By default, a compact copy of
    /// <c>PolymorphicHelper.DefaultJsonSerializerOptions</c>. Set it before the first call.
    /// </summary>
    public JsonSerializerOptions SerializerOptions
    {
        get => Serializer.Options;
        init => _serializer = new LodeMessageSerializer(value ?? throw new ArgumentNullException(nameof(value)));
    }

    internal LodeMessageSerializer Serializer => _serializer ??= new LodeMessageSerializer(null);

    /// <inheritdoc/>
    public Task<IEventStore> OpenStoreAsync(Metadata metadata, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        return OpenStoreAsync(metadata.Context.PartitionId, metadata.Message.Domain.Name, metadata.Message.Domain.Id, cancellationToken);
    }

    /// <inheritdoc/>
    public Task<IEventStore> OpenStoreAsync(string name, string id, CancellationToken cancellationToken)
        => OpenStoreAsync(Settings.DefaultDatabase, name, id, cancellationToken);

    /// <inheritdoc/>
    public Task<IEventStore> OpenStoreAsync(string database, string name, string id, CancellationToken cancellationToken)
        => OpenStoreAsync(database, name, id, Settings.DefaultSessionTimeout, Settings.DefaultOpenTimeout, cancellationToken);

    /// <summary>
    /// Opens a stream with given session and open timeouts. While another live session holds
    /// the lease, retries asynchronously (no thread is blocked) until <paramref name="openTimeout"/>,
    /// then throws <see cref="OpenStoreFailedException"/>.
    /// </summary>
    /// <param name="database">The database (partition).</param>
    /// <param name="name">The stream name (aggregate type).</param>
    /// <param name="id">The stream id (aggregate id).</param>
    /// <param name="sessionTimeout">How long the session lasts unless renewed.</param>
    /// <param name="openTimeout">How long to wait for the lease (zero: try once).</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The open store.</returns>
    public async Task<IEventStore> OpenStoreAsync(string database, string name, string id, TimeSpan sessionTimeout, TimeSpan openTimeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(id);
        cancellationToken.ThrowIfCancellationRequested();
        LodeStore store = await RetryOpenAsync(
            (this, database, name, id, sessionTimeout),
            static a => a.Item1._provider.OpenStore(a.database, a.name, a.id, a.sessionTimeout, TimeSpan.Zero),
            $"{database}/{name}/{id}",
            openTimeout,
            cancellationToken).ConfigureAwait(false);
        return new LodeEventStore(this, store, _logger);
    }

    /// <summary>
    /// Reads the global log from a position (Q-LOG-1, Q-LOG-2).
    /// </summary>
    /// <param name="fromPosition">The first position (inclusive; positions start at 1).</param>
    /// <param name="max">The largest number of records.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The records, ascending.</returns>
    public Task<IReadOnlyList<LogRecord>> ReadLogAsync(long fromPosition, int max, CancellationToken cancellationToken)
        => Query(cancellationToken, (fromPosition, max), static (p, a) => p.ReadLog(a.fromPosition, a.max));

    /// <summary>
    /// Reads the events of a type (<c>Metadata.Message.Name</c>), optionally of one schema version (Q-Q-1).
    /// </summary>
    /// <param name="eventType">The event type.</param>
    /// <param name="eventVersion">The schema version, or <see langword="null"/> for any.</param>
    /// <param name="fromPosition">The first global position.</param>
    /// <param name="max">The largest number of records.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The records, ascending.</returns>
    public Task<IReadOnlyList<LogRecord>> EventsByTypeAsync(string eventType, int? eventVersion, long fromPosition, int max, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(eventType);
        return Query(cancellationToken, (eventType, eventVersion, fromPosition, max), static (p, a) => p.EventsByType(a.eventType, a.eventVersion, a.fromPosition, a.max));
    }

    /// <summary>
    /// Reads the events the store recorded in <c>[from, to)</c>, by its own clock (Q-Q-2).
    /// </summary>
    /// <param name="from">The start (inclusive).</param>
    /// <param name="to">The end (exclusive).</param>
    /// <param name="max">The largest number of records.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The records, ascending.</returns>
    public Task<IReadOnlyList<LogRecord>> EventsByTimeAsync(DateTimeOffset from, DateTimeOffset to, int max, CancellationToken cancellationToken)
        => Query(cancellationToken, (from, to, max), static (p, a) => p.EventsByTime(a.from, a.to, a.max));

    /// <summary>
    /// Reads the events of a correlation id (<c>Metadata.Context.CorrelationId</c>, Q-Q-3).
    /// </summary>
    /// <param name="correlationId">The correlation id.</param>
    /// <param name="fromPosition">The first global position.</param>
    /// <param name="max">The largest number of records.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The records, ascending.</returns>
    public Task<IReadOnlyList<LogRecord>> EventsByCorrelationAsync(string correlationId, long fromPosition, int max, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(correlationId);
        return Query(cancellationToken, (correlationId, fromPosition, max), static (p, a) => p.EventsByCorrelation(a.correlationId, a.fromPosition, a.max));
    }

    /// <summary>
    /// Reads the events of one stream after a version, without a session (Q-Q-4).
    /// </summary>
    /// <param name="database">The database (<see langword="null"/>: the default).</param>
    /// <param name="name">The stream name.</param>
    /// <param name="id">The stream id.</param>
    /// <param name="sinceVersion">The version after which to read.</param>
    /// <param name="max">The largest number of records.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The records, ascending.</returns>
    public Task<IReadOnlyList<LogRecord>> StreamEventsSinceAsync(string? database, string name, string id, long sinceVersion, int max, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(id);
        return Query(cancellationToken, (database, name, id, sinceVersion, max), static (p, a) => p.StreamEventsSince(a.database, a.name, a.id, a.sinceVersion, a.max));
    }

    /// <summary>
    /// Tells whether a command id was recorded (Q-CMD-2).
    /// </summary>
    /// <param name="commandId">The command id.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns><see langword="true"/> if it was.</returns>
    public Task<bool> CommandProcessedAsync(string commandId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(commandId);
        return Run(cancellationToken, () => _provider.CommandProcessed(commandId));
    }

    /// <summary>
    /// Gets the record of a command id (Q-CMD-2).
    /// </summary>
    /// <param name="commandId">The command id.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The record.</returns>
    /// <exception cref="StreamIdempotencyIdNotFoundException">It was never recorded.</exception>
    public Task<CommandRecord> GetCommandAsync(string commandId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(commandId);
        return Run(cancellationToken, () => _provider.GetCommand(commandId));
    }

    /// <summary>
    /// Releases the store directory and stops routing logs to this provider's logger factory.
    /// </summary>
    public void Dispose()
    {
        _provider.Dispose();
        _logRoute?.Dispose();
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// Tries <paramref name="attempt"/> (a native open with open timeout 0) until it succeeds,
    /// the lease stays taken for <paramref name="openTimeout"/>, or the token is cancelled.
    /// </summary>
    internal async Task<TResult> RetryOpenAsync<TState, TResult>(TState state, Func<TState, TResult> attempt, string storeId, TimeSpan openTimeout, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(openTimeout, TimeSpan.Zero);
        long started = _timeProvider.GetTimestamp();
        TimeSpan pause = _firstRetry;
        int attempts = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            attempts++;
            try
            {
                return attempt(state);
            }
            catch (OpenStoreFailedException held)
            {
                TimeSpan elapsed = _timeProvider.GetElapsedTime(started);
                if (elapsed >= openTimeout)
                {
                    LogOpenFailed(_logger, storeId, openTimeout, attempts, held.HolderSessionId);
                    if (openTimeout == TimeSpan.Zero)
                    {
                        throw;
                    }

                    OpenStoreFailedException failed = new(
                        string.Create(CultureInfo.InvariantCulture, $"Could not open store '{held.StoreId ?? storeId}' within {openTimeout}: session '{held.HolderSessionId}' (process {held.HolderProcessId}) holds it until {held.HolderExpiration:O}. Retry later or use a longer open timeout."),
                        held.StoreId ?? storeId,
                        openTimeout,
                        held.HolderSessionId,
                        held.HolderProcessId,
                        held.HolderExpiration);
                    foreach (System.Collections.DictionaryEntry entry in held.Data)
                    {
                        failed.Data[entry.Key] = entry.Value;
                    }

                    throw failed;
                }

                TimeSpan wait = pause < openTimeout - elapsed ? pause : openTimeout - elapsed;
                if (held.HolderExpiration is DateTimeOffset expires)
                {
                    TimeSpan untilFree = expires - _timeProvider.GetUtcNow() + TimeSpan.FromMilliseconds(1);
                    if (untilFree < wait)
                    {
                        wait = untilFree > TimeSpan.FromMilliseconds(1) ? untilFree : TimeSpan.FromMilliseconds(1);
                    }
                }

                if (attempts == 1)
                {
                    LogWaiting(_logger, storeId, held.HolderSessionId, openTimeout);
                }

                await Task.Delay(wait, _timeProvider, cancellationToken).ConfigureAwait(false);
                pause = pause * 2 < _longestRetry ? pause * 2 : _longestRetry;
            }
        }
    }

    private static string PathOf(IOptions<LodeSettings> lodeOptions)
    {
        ArgumentNullException.ThrowIfNull(lodeOptions);
        string? path = lodeOptions.Value.Path;
        SettingsException<LodeSettings>.ThrowIfUndefined(path);
        return path;
    }

    [LoggerMessage(EventId = 2, Level = LogLevel.Debug, Message = "Store {StoreId} is held by session {HolderSessionId}; waiting up to {OpenTimeout} for its lease")]
    private static partial void LogWaiting(ILogger logger, string storeId, string? holderSessionId, TimeSpan openTimeout);

    [LoggerMessage(EventId = 3, Level = LogLevel.Error, Message = "Could not open store {StoreId} within {Timeout} after {Attempts} attempts; held by session {HolderSessionId}")]
    private static partial void LogOpenFailed(ILogger logger, string storeId, TimeSpan timeout, int attempts, string? holderSessionId);

    private static Task<T> Run<T>(CancellationToken cancellationToken, Func<T> func)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<T>(cancellationToken);
        }

        try
        {
            return Task.FromResult(func());
        }
#pragma warning disable CA1031 // Delivered through the task.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return Task.FromException<T>(e);
        }
    }

    private Task<IReadOnlyList<LogRecord>> Query<TArg>(CancellationToken cancellationToken, TArg arg, Func<LodeProvider, TArg, MessageBuffer> query)
        => Run<IReadOnlyList<LogRecord>>(cancellationToken, () =>
        {
            using MessageBuffer buffer = query(_provider, arg);
            List<LogRecord> records = new(buffer.Count);
            for (int i = 0; i < buffer.Count; i++)
            {
                LogEnvelope envelope = LogEnvelope.Parse(buffer.GetItem(i));
                records.Add(new LogRecord(envelope, Serializer.Deserialize(buffer[i], $"{envelope.Partition}/{envelope.AggregateType}/{envelope.AggregateId}", i)));
            }

            return records;
        });
}
