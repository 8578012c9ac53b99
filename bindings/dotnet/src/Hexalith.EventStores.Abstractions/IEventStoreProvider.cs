namespace Hexalith.EventStores;

using Hexalith.Commons.Metadatas;

/// <summary>
/// Opens event stores (streams are created on first append).
/// </summary>
public interface IEventStoreProvider
{
    /// <summary>
    /// Opens the stream of a message's aggregate: database = <c>Context.PartitionId</c>,
    /// name = <c>Message.Domain.Name</c>, id = <c>Message.Domain.Id</c>.
    /// </summary>
    /// <param name="metadata">The message metadata.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The open store.</returns>
    Task<IEventStore> OpenStoreAsync(Metadata metadata, CancellationToken cancellationToken);

    /// <summary>
    /// Opens a stream of the default database.
    /// </summary>
    /// <param name="name">The stream name (aggregate type).</param>
    /// <param name="id">The stream identifier (aggregate id).</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The open store.</returns>
    Task<IEventStore> OpenStoreAsync(string name, string id, CancellationToken cancellationToken);

    /// <summary>
    /// Opens a stream.
    /// </summary>
    /// <param name="database">The database (partition, tenant).</param>
    /// <param name="name">The stream name (aggregate type).</param>
    /// <param name="id">The stream identifier (aggregate id).</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The open store.</returns>
    Task<IEventStore> OpenStoreAsync(string database, string name, string id, CancellationToken cancellationToken);
}
