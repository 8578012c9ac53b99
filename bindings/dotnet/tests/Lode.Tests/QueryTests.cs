namespace Lode.Tests;

using Hexalith.EventStores;
using Hexalith.EventStores.Exceptions;

/// <summary>queries.md through the provider's lode-native API.</summary>
public sealed class QueryTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly LodeEventStoreProvider _provider;

    public QueryTests() => _provider = T.Provider(_dir);

    public void Dispose()
    {
        _provider.Dispose();
        _dir.Dispose();
    }

    [Fact]
    [Trait("Rule", "Q-LOG-1")]
    [Trait("Rule", "Q-LOG-2")]
    public async Task Q_LOG_1_2_GlobalPositionsAreGapFreeAcrossStreams_BatchesContiguous_RecordsCarryTheEnvelope()
    {
        await using LodeEventStore a = await T.Open(_provider, "a");
        await using LodeEventStore b = await T.Open(_provider, "b", database: "Tenant");
        _ = await a.AddAsync(T.Deposits("a", 2), T.None);
        _ = await b.AddAsync(T.Deposits("b", 3), T.None);
        _ = await a.AddAsync(T.Deposits("a", 1), T.None);
        IReadOnlyList<LogRecord> log = await _provider.ReadLogAsync(1, 100, T.None);
        Assert.Equal([1L, 2, 3, 4, 5, 6], log.Select(r => r.Position));
        Assert.Equal(["a", "a", "b", "b", "b", "a"], log.Select(r => r.AggregateId));
        Assert.Equal([1L, 2, 1, 2, 3, 3], log.Select(r => r.AggregateVersion));
        LogRecord third = log[2];
        Assert.Equal("Tenant", third.Partition);
        Assert.Equal("BankAccount", third.AggregateType);
        Assert.Equal("FundsDeposited", third.EventType);
        Assert.Equal(1, third.EventVersion);
        Assert.Equal("system", third.Actor);
        Assert.Equal(third.Message.Metadata.Message.Id, third.EventId);
        Assert.Equal(third.Message.Metadata.Context.CorrelationId, third.CorrelationId);
        Assert.True(log.Zip(log.Skip(1)).All(p => p.First.RecordedAt <= p.Second.RecordedAt));
        Assert.Equal([4L, 5], (await _provider.ReadLogAsync(4, 2, T.None)).Select(r => r.Position));
    }

    [Fact]
    [Trait("Rule", "Q-Q-1")]
    public async Task Q_Q_1_EventsByTypeAndOptionalVersion()
    {
        await using LodeEventStore store = await T.Open(_provider);
        _ = await store.AddAsync(
            [
                new BankAccountCreated("1", "Joe", "EUR").CreateMessage(),
                T.Deposit("1", 10),
                new RenamedV2Event("1", "x").CreateMessage(),
                T.Deposit("1", 20),
            ],
            T.None);
        IReadOnlyList<LogRecord> deposits = await _provider.EventsByTypeAsync("FundsDeposited", null, 0, 100, T.None);
        Assert.Equal([10m, 20m], deposits.Select(r => ((FundsDeposited)r.Message.Event).Amount));
        Assert.Single(await _provider.EventsByTypeAsync("Renamed", 2, 0, 100, T.None));
        Assert.Empty(await _provider.EventsByTypeAsync("Renamed", 1, 0, 100, T.None));
        Assert.Equal([4L], (await _provider.EventsByTypeAsync("FundsDeposited", null, 3, 100, T.None)).Select(r => r.Position));
    }

    [Fact]
    [Trait("Rule", "Q-Q-2")]
    public async Task Q_Q_2_EventsByRecordedTimeRange_HalfOpen()
    {
        await using LodeEventStore store = await T.Open(_provider);
        DateTimeOffset start = DateTimeOffset.UtcNow.AddSeconds(-1);
        _ = await store.AddAsync(T.Deposits("1", 3), T.None);
        IReadOnlyList<LogRecord> all = await _provider.EventsByTimeAsync(start, DateTimeOffset.UtcNow.AddSeconds(1), 100, T.None);
        Assert.Equal(3, all.Count);
        DateTimeOffset at = all[0].RecordedAt;
        Assert.Empty(await _provider.EventsByTimeAsync(start, at, 100, T.None));
        Assert.Equal(3, (await _provider.EventsByTimeAsync(at, at.AddTicks(10), 100, T.None)).Count);
    }

    [Fact]
    [Trait("Rule", "Q-Q-3")]
    public async Task Q_Q_3_EventsByCorrelationId()
    {
        await using LodeEventStore store = await T.Open(_provider);
        _ = store.NativeStore.Append(T.Batch(T.Raw("m1", correlation: "order-7"), T.Raw("m2"), T.Raw("m3", correlation: "order-7")));
        IReadOnlyList<LogRecord> found = await _provider.EventsByCorrelationAsync("order-7", 0, 100, T.None);
        Assert.Equal(["m1", "m3"], found.Select(r => r.EventId));
        Assert.All(found, r => Assert.Equal("order-7", r.CorrelationId));
    }

    [Fact]
    [Trait("Rule", "Q-Q-4")]
    public async Task Q_Q_4_StreamEventsSinceAVersion_WithoutASession()
    {
        await using (LodeEventStore store = await T.Open(_provider))
        {
            _ = await store.AddAsync(T.Deposits("1", 5), T.None);
        }

        await using LodeEventStore holder = await T.Open(_provider);
        IReadOnlyList<LogRecord> since = await _provider.StreamEventsSinceAsync(null, "BankAccount", "1", 3, 100, T.None);
        Assert.Equal([4L, 5], since.Select(r => r.AggregateVersion));
        Assert.Empty(await _provider.StreamEventsSinceAsync("Other", "BankAccount", "1", 0, 100, T.None));
    }

    [Fact]
    [Trait("Rule", "Q-CMD-1")]
    [Trait("Rule", "Q-CMD-2")]
    public async Task Q_CMD_1_2_CommandRecordedWithItsEvents_TwiceIsRefused_RecordSaysWhenWhoWhat()
    {
        await using LodeEventStore store = await T.Open(_provider);
        _ = await store.AddAsync([T.Deposit("1", 1)], T.None);
        Assert.False(await _provider.CommandProcessedAsync("cmd-1", T.None));
        Assert.Equal(3, await store.AddWithCommandAsync(T.Deposits("1", 2), "cmd-1", "Deposit", "alice", T.None));
        Assert.True(await _provider.CommandProcessedAsync("cmd-1", T.None));
        CommandRecord record = await _provider.GetCommandAsync("cmd-1", T.None);
        Assert.Equal("cmd-1", record.CommandId);
        Assert.Equal("Deposit", record.CommandType);
        Assert.Equal("alice", record.Actor);
        Assert.Equal(("EventStores", "BankAccount", "1"), (record.Partition, record.AggregateType, record.AggregateId));
        Assert.Equal((2L, 3L), (record.FirstVersion, record.LastVersion));
        Assert.InRange(record.ProcessedAt, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddMinutes(1));

        DuplicateEventStoreIdempotencyIdException dup = await Assert.ThrowsAsync<DuplicateEventStoreIdempotencyIdException>(() => store.AddWithCommandAsync(T.Deposits("1", 1), "cmd-1", null, null, T.None));
        Assert.Equal("cmd-1", dup.IdempotencyId);
        Assert.Null(dup.Event);
        Assert.Equal(3, await store.VersionAsync(T.None));

        _ = await store.AddWithCommandAsync([T.Deposit("1", 5)], "cmd-2", null, null, T.None);
        Assert.Equal("system", (await _provider.GetCommandAsync("cmd-2", T.None)).Actor);
    }

    [Fact]
    [Trait("Rule", "Q-CMD-2")]
    public async Task Q_CMD_2_UnknownCommandRecordIsIdempotencyIdNotFound()
    {
        StreamIdempotencyIdNotFoundException e = await Assert.ThrowsAsync<StreamIdempotencyIdNotFoundException>(() => _provider.GetCommandAsync("never", T.None));
        Assert.Equal("never", e.IdempotencyId);
        Assert.Contains("never", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "Q-IMM-1")]
    public async Task Q_IMM_1_NoCallChangesAnEvent_SnapshotsAreTheOnlyThingsRemoved()
    {
        await using LodeEventStore store = await T.Open(_provider);
        EventMessage[] batch = T.Deposits("1", 3);
        _ = await store.AddAsync(batch, T.None);
        byte[][] before = Stored(store);
        await store.SnapshotAsync(2, new BankAccountState("1", 3, 2).CreateMessage(), T.None);
        await store.ClearSnapshotsAsync(T.None);
        _ = await store.AddAsync(batch, T.None);
        _ = await Assert.ThrowsAsync<StoreVersionMismatchException>(() => store.AddAsync([T.Deposit("1", 1, 2)], T.None));
        Assert.Equal(before, Stored(store));
        Assert.Equal(3, (await _provider.ReadLogAsync(1, 100, T.None)).Count);
    }

    private static byte[][] Stored(LodeEventStore store)
    {
        using MessageBuffer buffer = store.NativeStore.Read(false);
        return [.. Enumerable.Range(0, buffer.Count).Select(buffer.ToArray)];
    }
}
