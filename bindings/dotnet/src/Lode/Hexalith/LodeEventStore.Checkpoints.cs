namespace Hexalith.EventStores;

using Hexalith.EventStores.Exceptions;

/// <summary>
/// Appends with a checkpoint (S-CP-3).
/// </summary>
public sealed partial class LodeEventStore
{
    /// <summary>
    /// Appends messages and stores checkpoint <paramref name="checkpointName"/> at
    /// <paramref name="position"/> in the same transaction (S-CP-3): a consumer's output and
    /// "processed up to here" commit together or not at all. The checkpoint only moves forward
    /// (an <see cref="ArgumentException"/> otherwise, and nothing is written) and may cover this
    /// batch's own events. An empty batch stores the checkpoint alone; an exact retry of a stored
    /// batch still moves it.
    /// </summary>
    /// <param name="items">The messages.</param>
    /// <param name="checkpointName">The checkpoint's name.</param>
    /// <param name="position">The position processed up to.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The stream's version.</returns>
    public Task<long> AddWithCheckpointAsync(IEnumerable<EventMessage> items, string checkpointName, long position, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(checkpointName);
        return Run(cancellationToken, (items, checkpointName, position), static (s, a) =>
        {
            IReadOnlyList<EventMessage> batch = a.items as IReadOnlyList<EventMessage> ?? [.. a.items];
            try
            {
                return s._provider.Serializer.WriteBatch(
                    batch,
                    (s._store, a.checkpointName, a.position),
                    static (st, joined, ends) => st._store.AppendJoinedWithCheckpoint(joined, ends, st.checkpointName, st.position));
            }
            catch (StoreVersionMismatchException e) when (e.Metadata is null)
            {
                EventMessage? refused = batch.FirstOrDefault(m => m?.Metadata.Message.Id == e.MessageId);
                StoreVersionMismatchException enriched = new(e.Message, e.StoreId, e.ExpectedVersion, e.ActualVersion, e.MessageId, refused?.Metadata);
                CopyData(e, enriched);
                throw enriched;
            }
        });
    }
}
