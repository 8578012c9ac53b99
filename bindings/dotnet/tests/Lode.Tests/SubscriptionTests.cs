namespace Lode.Tests;

using System.Diagnostics;
using System.Globalization;
using System.Runtime.Serialization;
using System.Text.Json;

using Hexalith.EventStores;
using Hexalith.PolymorphicSerializations;

/// <summary>The output event of the README's projection.</summary>
[PolymorphicSerialization]
public partial record BalanceChanged(string Id, [property: DataMember] decimal Balance) : BankAccountEvent(Id);

/// <summary>docs/subscriptions.md (S-SUB-*, S-CP-*) through the C# binding.</summary>
public sealed class SubscriptionTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly LodeEventStoreProvider _provider;

    public SubscriptionTests() => _provider = T.Provider(_dir);

    public void Dispose()
    {
        _provider.Dispose();
        _dir.Dispose();
    }

    [Fact]
    [Trait("Rule", "S-SUB-1")]
    [Trait("Rule", "S-SUB-2")]
    public async Task S_SUB_1_TheHistoryThenLiveEvents_InOrder_EachOnce()
    {
        await using LodeEventStore store = await T.Open(_provider, "a");
        _ = await store.AddAsync(T.Deposits("a", 30), T.None);
        using CancellationTokenSource stop = new(TimeSpan.FromMinutes(2));
        List<long> seen = [];
        Task writer = Task.Run(async () =>
        {
            while (Volatile.Read(ref seen).Count < 30)
            {
                await Task.Delay(5);
            }

            for (int i = 0; i < 10; i++)
            {
                _ = await store.AddAsync([T.Deposit("a", i)], T.None);
            }
        });
        await foreach (LogRecord record in _provider.SubscribeAsync(0, cancellationToken: stop.Token))
        {
            lock (seen)
            {
                seen.Add(record.Position);
            }

            Assert.IsType<FundsDeposited>(record.Message.Event);
            if (seen.Count == 40)
            {
                break;
            }
        }

        await writer;
        Assert.Equal(Enumerable.Range(1, 40).Select(i => (long)i), seen);
    }

    [Fact]
    [Trait("Rule", "S-SUB-3")]
    [Trait("Rule", "S-SUB-4")]
    public async Task S_SUB_3_FiltersAndTheirCombinations()
    {
        await using LodeEventStore a = await T.Open(_provider, "a");
        await using LodeEventStore b = await T.Open(_provider, "b", database: "Tenant");
        _ = await a.AddAsync([new BankAccountCreated("a", "Joe", "EUR").CreateMessage(), T.Deposit("a", 1), new RenamedV2Event("a", "x").CreateMessage()], T.None);
        _ = await b.AddAsync([new BankAccountCreated("b", "Ann", "EUR").CreateMessage(), T.Deposit("b", 2)], T.None);
        long[] Positions(SubscriptionFilter filter)
        {
            List<long> got = [];
            using LodeSubscription s = _provider.NativeProvider.Subscribe(0, filter, pageSize: 2);
            while (true)
            {
                using MessageBuffer page = s.Next(TimeSpan.Zero);
                if (page.Count == 0)
                {
                    Assert.Equal(5, s.Position); // seen up to the head, whatever matched
                    return [.. got];
                }

                got.AddRange(Enumerable.Range(0, page.Count).Select(i => LogEnvelope.Parse(page.GetItem(i)).Position));
            }
        }

        Assert.Equal([1L, 2, 3, 4, 5], Positions(SubscriptionFilter.All));
        Assert.Equal([2L, 5], Positions(new SubscriptionFilter { EventTypes = [new("FundsDeposited")] }));
        Assert.Equal([3L], Positions(new SubscriptionFilter { EventTypes = [new("Renamed", 2)] }));
        Assert.Equal([1L, 3, 4], Positions(new SubscriptionFilter { EventTypes = [new("BankAccountCreated"), new("Renamed", 2)] }));
        Assert.Equal([4L, 5], Positions(new SubscriptionFilter { Stream = new("Tenant", "BankAccount", "b") }));
        Assert.Equal([1L, 2, 3], Positions(new SubscriptionFilter { Stream = new(null, "BankAccount", "a") }));
        Assert.Equal([1L, 2, 3, 4, 5], Positions(new SubscriptionFilter { AggregateType = "BankAccount" }));
        Assert.Equal([4L], Positions(new SubscriptionFilter { Stream = new("Tenant", "BankAccount", "b"), EventTypes = [new("BankAccountCreated")] }));
        IReadOnlyList<LogRecord> log = await _provider.ReadLogAsync(1, 10, T.None);
        string correlation = log[1].CorrelationId!;
        Assert.Equal([2L], Positions(new SubscriptionFilter { CorrelationId = correlation, AggregateType = "BankAccount" }));
        Assert.Empty(Positions(new SubscriptionFilter { CorrelationId = correlation, EventTypes = [new("Renamed")] }));
        _ = Assert.ThrowsAny<ArgumentException>(() => _provider.NativeProvider.Subscribe(0, new SubscriptionFilter { EventTypes = [new(string.Empty)] }));
        _ = Assert.ThrowsAny<ArgumentException>(() => _provider.NativeProvider.Subscribe(0, null, pageSize: 0));
        _ = Assert.ThrowsAny<ArgumentException>(() => _provider.NativeProvider.Subscribe(-2));
    }

    [Fact]
    [Trait("Rule", "S-SUB-8")]
    public async Task S_SUB_8_ACancellationEndsTheWaitAtOnce_AndTheWaitBlocksNoThreadPoolThread()
    {
        using LodeSubscription sub = _provider.NativeProvider.Subscribe(LodeSubscription.FromNow);
        using CancellationTokenSource cancel = new();
        ValueTask<MessageBuffer> next = sub.NextAsync(cancel.Token);
        await Task.Delay(50);
        Assert.False(next.IsCompleted);
        Assert.False(sub.WaiterIsThreadPoolThread);
        cancel.Cancel();
        _ = await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await next);

        // The subscription goes on: the next wait gets the next event.
        await using LodeEventStore store = await T.Open(_provider);
        ValueTask<MessageBuffer> again = sub.NextAsync(T.None);
        _ = await store.AddAsync([T.Deposit("1", 5)], T.None);
        using (MessageBuffer page = await again)
        {
            Assert.Equal(1, page.Count);
        }

        // Many subscriptions waiting at once hold no thread-pool thread: work still runs.
        List<LodeSubscription> waiting = [.. Enumerable.Range(0, 64).Select(_ => _provider.NativeProvider.Subscribe(LodeSubscription.FromNow))];
        using CancellationTokenSource all = new();
        List<Task> waits = [.. waiting.Select(s => s.NextAsync(all.Token).AsTask())];
        Assert.Equal(42, await Task.Run(() => 42));
        Assert.All(waiting, s => Assert.False(s.WaiterIsThreadPoolThread));
        all.Cancel();
        foreach (Task w in waits)
        {
            _ = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => w);
        }

        waiting.ForEach(s => s.Dispose());

        // The async enumerable ends with the token too.
        using CancellationTokenSource soon = new(TimeSpan.FromMilliseconds(100));
        _ = await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (SubscriptionPage page in _provider.SubscribePagesAsync(LodeSubscription.FromNow, cancellationToken: soon.Token))
            {
                Assert.Fail("nothing was appended");
            }
        });
    }

    [Fact]
    [Trait("Rule", "S-SUB-8")]
    public async Task S_SUB_8_DisposingFromAnotherThreadEndsAWaitAndEveryLaterCall()
    {
        LodeSubscription sub = _provider.NativeProvider.Subscribe(LodeSubscription.FromNow);
        Task<MessageBuffer> blocked = Task.Factory.StartNew(() => sub.Next(Timeout.InfiniteTimeSpan), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        ValueTask<MessageBuffer> pending;
        await Task.Delay(50);
        Assert.False(blocked.IsCompleted);
        sub.Wake();
        using (MessageBuffer woken = await blocked)
        {
            Assert.Equal(0, woken.Count);
        }

        pending = sub.NextAsync(T.None);
        await Task.Delay(50);
        Assert.False(pending.IsCompleted);
        sub.Dispose();
        _ = await Assert.ThrowsAnyAsync<ObjectDisposedException>(async () => await pending);
        _ = Assert.ThrowsAny<ObjectDisposedException>(() => sub.Next(TimeSpan.Zero));
        Assert.True(sub.IsDisposed);
        sub.Dispose(); // idempotent
    }

    [Fact]
    [Trait("Rule", "S-SUB-9")]
    [Trait("Rule", "S-SUB-7")]
    public async Task S_SUB_9_ACommitOfAnotherProcessWakesAWaitingSubscriber()
    {
        using CancellationTokenSource limit = new(TimeSpan.FromMinutes(2));
        await using IAsyncEnumerator<LogRecord> events = _provider.SubscribeAsync(0, new SubscriptionFilter { EventTypes = [new("ChildEvent")] }, limit.Token).GetAsyncEnumerator(limit.Token);
        ValueTask<bool> next = events.MoveNextAsync();
        Task<bool> reached = _provider.WaitForPositionAsync(1, TimeSpan.FromMinutes(2), limit.Token);
        using Process child = StartHolder("child");
        try
        {
            Assert.StartsWith("HELD ", await child.StandardOutput.ReadLineAsync(limit.Token), StringComparison.Ordinal);
            Assert.True(await next);
            Assert.Equal("ChildEvent", events.Current.EventType);
            Assert.True(await reached);
            Assert.False(await _provider.WaitForPositionAsync(2, TimeSpan.FromMilliseconds(20), T.None));
        }
        finally
        {
            child.StandardInput.WriteLine("release");
            child.StandardInput.Close();
            await child.WaitForExitAsync(limit.Token);
        }
    }

    [Fact]
    [Trait("Rule", "S-CP-1")]
    [Trait("Rule", "S-CP-2")]
    [Trait("Rule", "S-CP-3")]
    [Trait("Rule", "S-CP-4")]
    public async Task S_CP_CheckpointsAloneAndWithTheOutput()
    {
        await using LodeEventStore input = await T.Open(_provider, "in");
        _ = await input.AddAsync(T.Deposits("in", 5), T.None);
        Assert.Null(await _provider.GetCheckpointAsync("proj", T.None));
        await _provider.StoreCheckpointAsync("proj", 3, T.None);
        LodeCheckpoint? stored = await _provider.GetCheckpointAsync("proj", T.None);
        Assert.Equal(3, stored?.Position);
        Assert.True(stored?.StoredAt > DateTimeOffset.UnixEpoch);
        _ = await Assert.ThrowsAnyAsync<ArgumentException>(() => _provider.StoreCheckpointAsync("proj", 2, T.None));
        _ = await Assert.ThrowsAnyAsync<ArgumentException>(() => _provider.StoreCheckpointAsync("proj", 6, T.None));
        await _provider.ResetCheckpointAsync("proj", 1, T.None);
        Assert.Equal(1, (await _provider.GetCheckpointAsync("proj", T.None))?.Position);
        _ = await Assert.ThrowsAnyAsync<ArgumentException>(() => _provider.GetCheckpointAsync(string.Empty, T.None));
        _ = await Assert.ThrowsAnyAsync<ArgumentException>(() => _provider.GetCheckpointAsync(new string('n', 401), T.None));

        await using LodeEventStore output = await T.Open(_provider, "out");
        Assert.Equal(1, await output.AddWithCheckpointAsync([T.Deposit("out", 1)], "proj", 5, T.None));
        Assert.Equal(5, (await _provider.GetCheckpointAsync("proj", T.None))?.Position);
        _ = await Assert.ThrowsAnyAsync<ArgumentException>(() => output.AddWithCheckpointAsync([T.Deposit("out", 2)], "proj", 4, T.None));
        _ = await Assert.ThrowsAsync<Hexalith.EventStores.Exceptions.StoreVersionMismatchException>(() => output.AddWithCheckpointAsync([T.Deposit("out", 2, sequence: 9)], "proj", 6, T.None));
        Assert.Equal(1, await output.VersionAsync(T.None));
        Assert.Equal(5, (await _provider.GetCheckpointAsync("proj", T.None))?.Position);
        Assert.Equal(1, await output.AddWithCheckpointAsync([], "proj", 6, T.None));
        Assert.Equal(6, (await _provider.GetCheckpointAsync("proj", T.None))?.Position);
        Assert.Equal(1, output.NativeStore.AppendWithCheckpoint([], "native", 6));
        Assert.Equal(6, _provider.NativeProvider.GetCheckpoint("native")?.Position);
    }

    [Fact]
    [Trait("Rule", "S-CP-3")]
    public async Task S_CP_3_AProjectionStoppedAndResumedFromItsCheckpointCountsEachEventOnce()
    {
        await using LodeEventStore input = await T.Open(_provider, "in");
        await using LodeEventStore output = await T.Open(_provider, "view");
        Random random = new(7);
        long lastInput = 0;
        for (int round = 0; round < 6; round++)
        {
            _ = await input.AddAsync(T.Deposits("in", random.Next(1, 30)), T.None);
            lastInput = _provider.NativeProvider.HeadPosition();
            long start = (await _provider.GetCheckpointAsync("view", T.None))?.Position ?? 0;
            using CancellationTokenSource idle = new();
            int pages = 0;
            await foreach (SubscriptionPage page in _provider.SubscribePagesAsync(start, new SubscriptionFilter { Stream = new(null, "BankAccount", "in") }, random.Next(1, 7), idle.Token))
            {
                EventMessage[] projected = [.. page.Records.Select(r => T.Deposit("view", ((FundsDeposited)r.Message.Event).Amount))];
                _ = await output.AddWithCheckpointAsync(projected, "view", page.Position, T.None);
                if (++pages > round || page.Records[^1].Position == lastInput)
                {
                    break; // stopped: the next round resumes from the checkpoint
                }
            }
        }

        long from = (await _provider.GetCheckpointAsync("view", T.None))?.Position ?? 0;
        using LodeSubscription rest = _provider.NativeProvider.Subscribe(from, new SubscriptionFilter { Stream = new(null, "BankAccount", "in") });
        while (true)
        {
            using MessageBuffer page = rest.Next(TimeSpan.Zero);
            if (page.Count == 0)
            {
                break;
            }

            EventMessage[] projected = [.. Enumerable.Range(0, page.Count).Select(i => T.Deposit("view", 0))];
            _ = await output.AddWithCheckpointAsync(projected, "view", rest.Position, T.None);
        }

        long inputs = await input.VersionAsync(T.None);
        Assert.Equal(inputs, await output.VersionAsync(T.None));
        Assert.True((await _provider.GetCheckpointAsync("view", T.None))?.Position >= lastInput);
    }

    [Fact]
    [Trait("Rule", "S-CP-3")]
    public async Task TheReadmeProjectionSurvivesARestart()
    {
        async Task Deposit(LodeEventStoreProvider provider, string account, decimal amount)
        {
            await using IEventStore store = await provider.OpenStoreAsync("BankAccount", account, T.None);
            _ = await store.AddAsync([T.Deposit(account, amount)], T.None);
        }

        async Task<Dictionary<string, decimal>> RunUntilCaughtUp(LodeEventStoreProvider provider)
        {
            using CancellationTokenSource stop = new();
            long deposited = provider.NativeProvider.HeadPosition(); // the last deposit
            Task run = ProjectAsync(provider, stop.Token);
            while (!((await provider.GetCheckpointAsync("balances", T.None))?.Position >= deposited) || run.IsCompleted)
            {
                Assert.False(run.IsCompleted, run.Exception?.ToString());
                await Task.Delay(5);
            }

            await stop.CancelAsync();
            _ = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
            IReadOnlyList<LogRecord> view = await provider.StreamEventsSinceAsync(null, "Balances", "view", 0, 1000, T.None);
            Dictionary<string, decimal> balances = [];
            foreach (LogRecord r in view)
            {
                BalanceChanged b = (BalanceChanged)r.Message.Event;
                balances[b.Id] = b.Balance;
            }

            return balances;
        }

        using (LodeEventStoreProvider first = T.Provider(_dir))
        {
            await Deposit(first, "A", 10);
            await Deposit(first, "B", 5);
            Assert.Equal(new Dictionary<string, decimal> { ["A"] = 10, ["B"] = 5 }, await RunUntilCaughtUp(first));
        }

        using LodeEventStoreProvider restarted = T.Provider(_dir);
        await Deposit(restarted, "A", 7);
        Assert.Equal(new Dictionary<string, decimal> { ["A"] = 17, ["B"] = 5 }, await RunUntilCaughtUp(restarted));
    }

    [Fact]
    public void TheFilterKeysAndConstantsAreTheLibrarys()
    {
        string? dir = AppContext.BaseDirectory;
        while (dir is not null && !File.Exists(Path.Combine(dir, "include", "lode-manifest.json")))
        {
            dir = Path.GetDirectoryName(dir);
        }

        Assert.NotNull(dir);
        using JsonDocument manifest = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(dir, "include", "lode-manifest.json")));
        JsonElement root = manifest.RootElement;
        using JsonDocument every = JsonDocument.Parse(new SubscriptionFilter { Stream = new("d", "n", "i"), AggregateType = "n", EventTypes = [new("t", 1)], CorrelationId = "c" }.ToJson());
        Assert.Equal(
            root.GetProperty("subscription_filter_keys").EnumerateArray().Select(k => k.GetString()).Order(),
            every.RootElement.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(LodeSubscription.DefaultPageSize, root.GetProperty("limits").GetProperty("LODE_DEFAULT_PAGE_SIZE").GetInt32());
        Assert.Equal(LodeSubscription.MaxPageSize, root.GetProperty("limits").GetProperty("LODE_MAX_PAGE_SIZE").GetInt32());
        Assert.Equal(LodeSubscription.FromNow, root.GetProperty("subscription_constants").GetProperty("LODE_FROM_NOW").GetInt64());
    }

    /// <summary>The projection of bindings/dotnet/README.md, as written there.</summary>
    private static async Task ProjectAsync(LodeEventStoreProvider provider, CancellationToken stop)
    {
        await using LodeEventStore view = (LodeEventStore)await provider.OpenStoreAsync("Balances", "view", stop);
        Dictionary<string, decimal> balances = [];
        foreach (EventMessage m in await view.GetAsync(stop))         // the read model so far
        {
            BalanceChanged b = (BalanceChanged)m.Event;
            balances[b.Id] = b.Balance;
        }

        long start = (await provider.GetCheckpointAsync("balances", stop))?.Position ?? 0;
        SubscriptionFilter deposits = new() { EventTypes = [new("FundsDeposited")] };
        await foreach (SubscriptionPage page in provider.SubscribePagesAsync(start, deposits, cancellationToken: stop))
        {
            List<EventMessage> output = [];
            foreach (LogRecord r in page.Records)
            {
                FundsDeposited d = (FundsDeposited)r.Message.Event;
                balances[d.Id] = balances.GetValueOrDefault(d.Id) + d.Amount;
                output.Add(new BalanceChanged(d.Id, balances[d.Id]).CreateMessage());
            }

            // The output and "processed up to here" commit together or not at all.
            _ = await view.AddWithCheckpointAsync(output, "balances", page.Position, stop);
        }
    }

    private Process StartHolder(string id)
    {
        string holder = Path.Combine(AppContext.BaseDirectory, "Lode.LeaseHolder.dll");
        Assert.True(File.Exists(holder), holder);
        ProcessStartInfo start = new("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(holder);
        start.ArgumentList.Add(_dir.Path);
        start.ArgumentList.Add("BankAccount");
        start.ArgumentList.Add(id);
        start.ArgumentList.Add(60000.ToString(CultureInfo.InvariantCulture));
        return Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
    }
}
