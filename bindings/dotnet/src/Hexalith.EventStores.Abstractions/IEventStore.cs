namespace Hexalith.EventStores;

/// <summary>
/// The event stream of one aggregate, used through a session (a lease on the stream).
/// </summary>
/// <remarks>
/// Same members as Hexalith.EventStores' <c>IEventStore</c>. It also extends
/// <see cref="IDisposable"/> and <see cref="IAsyncDisposable"/>, so that
/// <c>await using IEventStore store = await provider.OpenStoreAsync(...)</c> compiles:
/// disposing closes the session and releases the store.
/// </remarks>
public interface IEventStore : IDisposable, IAsyncDisposable
{
    /// <summary>
    /// Appends messages to the stream, atomically: all of them or none.
    /// </summary>
    /// <param name="items">The messages. One with a <c>SequenceNumber</c> must carry exactly the version it receives.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The new stream version.</returns>
    Task<long> AddAsync(IEnumerable<EventMessage> items, CancellationToken cancellationToken);

    /// <summary>
    /// Removes the snapshot at a version.
    /// </summary>
    /// <param name="version">The snapshot's version.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The task.</returns>
    Task ClearSnapshotAsync(long version, CancellationToken cancellationToken);

    /// <summary>
    /// Removes every snapshot of the stream. Events are never touched.
    /// </summary>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The task.</returns>
    Task ClearSnapshotsAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Ends the session: releases the lease if this session still holds it. Idempotent; does
    /// nothing on a disposed store.
    /// </summary>
    void Close();

    /// <summary>
    /// Reads the whole stream.
    /// </summary>
    /// <param name="useSnapshot">With <see langword="true"/>, the latest snapshot comes first, then the events after it.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The messages in version order.</returns>
    Task<IEnumerable<EventMessage>> GetAsync(bool useSnapshot, CancellationToken cancellationToken);

    /// <summary>
    /// Reads the whole stream, starting from the latest snapshot when there is one.
    /// </summary>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The messages in version order.</returns>
    Task<IEnumerable<EventMessage>> GetAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Reads the stream up to a version.
    /// </summary>
    /// <param name="version">The last version to read (0: nothing).</param>
    /// <param name="useSnapshot">With <see langword="true"/>, the latest snapshot at or below <paramref name="version"/> comes first.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The messages in version order.</returns>
    Task<IEnumerable<EventMessage>> GetAsync(long version, bool useSnapshot, CancellationToken cancellationToken);

    /// <summary>
    /// Reads the events <paramref name="first"/> to <paramref name="last"/>, both included;
    /// versions past the end are simply absent.
    /// </summary>
    /// <param name="first">The first version (1 or more).</param>
    /// <param name="last">The last version.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The events in version order.</returns>
    Task<IEnumerable<EventMessage>> GetSliceAsync(long first, long last, CancellationToken cancellationToken);

    /// <summary>
    /// Gets the version of the latest snapshot (0 when there is none).
    /// </summary>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The version.</returns>
    Task<long> LastSnapshotVersionAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Opens the store with a session timeout of one minute and an open timeout of five seconds.
    /// </summary>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The task.</returns>
    Task OpenAsync(CancellationToken cancellationToken)
        => OpenAsync(TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(5), cancellationToken);

    /// <summary>
    /// Opens the store: takes the stream's lease for <paramref name="sessionTimeout"/>,
    /// waiting up to <paramref name="openTimeout"/> while another session holds it.
    /// </summary>
    /// <param name="sessionTimeout">How long the session lasts unless renewed.</param>
    /// <param name="openTimeout">How long to wait for the lease (zero: try once).</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The task.</returns>
    Task OpenAsync(TimeSpan sessionTimeout, TimeSpan openTimeout, CancellationToken cancellationToken);

    /// <summary>
    /// At every multiple of <paramref name="chunkSize"/> that has no snapshot, calls
    /// <paramref name="snapshot"/> with what a read with snapshot gives at that version and
    /// stores its result as the snapshot there.
    /// </summary>
    /// <param name="chunkSize">The number of events between snapshots (1 or more).</param>
    /// <param name="snapshot">Computes the state message from the messages up to a version.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The task.</returns>
    Task SnapshotAllAsync(int chunkSize, Func<IEnumerable<EventMessage>, EventMessage> snapshot, CancellationToken cancellationToken);

    /// <summary>
    /// Stores a snapshot at a version (1 to the current version), replacing any snapshot there.
    /// </summary>
    /// <param name="version">The version the snapshot stands for.</param>
    /// <param name="snapshot">The state message.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The task.</returns>
    Task SnapshotAsync(long version, EventMessage snapshot, CancellationToken cancellationToken);

    /// <summary>
    /// Gets the versions that have a snapshot, ascending.
    /// </summary>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The versions.</returns>
    Task<IEnumerable<long>> SnapshotVersionsAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Gets the current stream version (0 for an empty stream).
    /// </summary>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The version.</returns>
    Task<long> VersionAsync(CancellationToken cancellationToken);
}
