namespace Lode.Tests;

using System.Diagnostics;
using System.Globalization;

using Hexalith.EventStores;
using Hexalith.EventStores.Exceptions;

/// <summary>Threads, tasks and a second process against one directory.</summary>
public sealed class ConcurrencyTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly LodeEventStoreProvider _provider;

    public ConcurrencyTests() => _provider = T.Provider(_dir);

    public void Dispose()
    {
        _provider.Dispose();
        _dir.Dispose();
    }

    [Fact]
    [Trait("Rule", "B-APP-2")]
    [Trait("Rule", "Q-LOG-1")]
    [Trait("Rule", "R-CONC-1")]
    public async Task SixteenTasksAppendConcurrently_EachStreamGapFree_LogGapFree()
    {
        const int Tasks = 16;
        const int Appends = 40;
        Task[] writers = [.. Enumerable.Range(0, Tasks).Select(t => Task.Run(async () =>
        {
            await using LodeEventStore store = await T.Open(_provider, $"acc-{t}");
            for (int i = 0; i < Appends; i++)
            {
                long expected = i + 1;
                Assert.Equal(expected, await store.AddAsync([T.Deposit($"acc-{t}", i, sequence: expected)], T.None));
            }
        }))];
        await Task.WhenAll(writers);

        for (int t = 0; t < Tasks; t++)
        {
            IReadOnlyList<LogRecord> stream = await _provider.StreamEventsSinceAsync(null, "BankAccount", $"acc-{t}", 0, 1000, T.None);
            Assert.Equal(Enumerable.Range(1, Appends).Select(v => (long)v), stream.Select(r => r.AggregateVersion));
        }

        IReadOnlyList<LogRecord> log = await _provider.ReadLogAsync(1, 10_000, T.None);
        Assert.Equal(Enumerable.Range(1, Tasks * Appends).Select(p => (long)p), log.Select(r => r.Position));
    }

    [Fact]
    [Trait("Rule", "R-CONC-1")]
    public async Task SixteenTasksShareOneStoreHandle_NoEventLost_ConflictsAreVersionMismatches()
    {
        await using LodeEventStore store = await T.Open(_provider, "shared");
        int mismatches = 0;
        Task[] writers = [.. Enumerable.Range(0, 16).Select(t => Task.Run(async () =>
        {
            for (int i = 0; i < 25; i++)
            {
                _ = await store.AddAsync([T.Deposit("shared", t)], T.None);
                long seen = await store.VersionAsync(T.None);
                try
                {
                    _ = await store.AddAsync([T.Deposit("shared", t, sequence: seen + 1)], T.None);
                }
                catch (StoreVersionMismatchException e)
                {
                    Assert.NotEqual(e.ActualVersion, e.ExpectedVersion);
                    _ = Interlocked.Increment(ref mismatches);
                }
            }
        }))];
        await Task.WhenAll(writers);
        long version = await store.VersionAsync(T.None);
        Assert.Equal((16 * 25 * 2) - mismatches, version);
        Assert.Equal(Enumerable.Range(1, (int)version).Select(v => (long)v), (await store.GetAsync(false, T.None)).Select(m => m.Metadata.Context.SequenceNumber!.Value));
    }

    [Fact]
    [Trait("Rule", "B-SES-2")]
    [Trait("Rule", "B-SES-3")]
    public async Task TwoProcessesContendForOneLease()
    {
        using Process child = StartHolder("proc-1", sessionMs: 60_000);
        try
        {
            string[] held = (await ReadLineAsync(child)).Split(' ');
            Assert.Equal("HELD", held[0]);
            int childPid = int.Parse(held[1], CultureInfo.InvariantCulture);
            Assert.Equal(child.Id, childPid);

            OpenStoreFailedException e = await Assert.ThrowsAsync<OpenStoreFailedException>(() => T.Open(_provider, "proc-1", open: TimeSpan.Zero));
            Assert.Equal(childPid, e.HolderProcessId);

            Task<LodeEventStore> waiting = T.Open(_provider, "proc-1", open: TimeSpan.FromSeconds(60));
            await Task.Delay(200);
            Assert.False(waiting.IsCompleted);
            await child.StandardInput.WriteLineAsync("release");
            await child.StandardInput.FlushAsync();
            Assert.Equal("RELEASED", await ReadLineAsync(child));
            await using LodeEventStore mine = await waiting;
            Assert.Equal(2, await mine.AddAsync([T.Deposit("proc-1", 1)], T.None));
            Assert.Equal(2, (await mine.GetAsync(T.None)).Count(m => m.Metadata.Message.Name is "ChildEvent" or "FundsDeposited"));
        }
        finally
        {
            Stop(child);
        }
    }

    [Fact]
    [Trait("Rule", "R-CRASH-2")]
    public async Task ALeaseOfAKilledProcessIsFreeAtItsExpiry()
    {
        using Process child = StartHolder("proc-2", sessionMs: 1_000);
        try
        {
            Assert.StartsWith("HELD", await ReadLineAsync(child), StringComparison.Ordinal);
            child.Kill(entireProcessTree: true);
            await child.WaitForExitAsync();
            _ = await Assert.ThrowsAsync<OpenStoreFailedException>(() => T.Open(_provider, "proc-2", open: TimeSpan.Zero));
            await using LodeEventStore mine = await T.Open(_provider, "proc-2", open: TimeSpan.FromSeconds(30));
            Assert.Equal(1, await mine.VersionAsync(T.None));
        }
        finally
        {
            Stop(child);
        }
    }

    [Fact]
    [Trait("Rule", "B-SES-3")]
    public async Task CancellingAnOpenThatWaitsOnAHeldLease()
    {
        await using LodeEventStore holder = await T.Open(_provider, "held");
        using CancellationTokenSource cts = new();
        Task<IEventStore> waiting = _provider.OpenStoreAsync("EventStores", "BankAccount", "held", TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), cts.Token);
        await Task.Delay(150);
        Assert.False(waiting.IsCompleted);
        await cts.CancelAsync();
        _ = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        Assert.Equal(0, await holder.VersionAsync(T.None));

        holder.Close();
        using CancellationTokenSource again = new();
        await using IEventStore reopened = await _provider.OpenStoreAsync("EventStores", "BankAccount", "held", TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), again.Token);
        Assert.Equal(0, await reopened.VersionAsync(T.None));
    }

    [Fact]
    [Trait("Rule", "B-SES-3")]
    public async Task ManyWaitersOnOneLease_EachGetsItInTurn()
    {
        LodeEventStore holder = await T.Open(_provider, "busy");
        List<Task<LodeEventStore>> pending = [.. Enumerable.Range(0, 32).Select(_ => T.Open(_provider, "busy", open: TimeSpan.FromMinutes(2)))];
        await Task.Delay(100);
        Assert.DoesNotContain(pending, w => w.IsCompleted);
        holder.Dispose();
        int turns = 0;
        while (pending.Count > 0)
        {
            Task<LodeEventStore> done = await Task.WhenAny(pending);
            _ = pending.Remove(done);
            await using LodeEventStore store = await done;
            _ = await store.AddAsync([T.Deposit("busy", 1)], T.None);
            turns++;
        }

        Assert.Equal(32, turns);
        await using LodeEventStore last = await T.Open(_provider, "busy");
        Assert.Equal(32, await last.VersionAsync(T.None));
    }

    private Process StartHolder(string id, int sessionMs)
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
        start.ArgumentList.Add(sessionMs.ToString(CultureInfo.InvariantCulture));
        return Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
    }

    private static async Task<string> ReadLineAsync(Process child)
    {
        using CancellationTokenSource timeout = new(TimeSpan.FromSeconds(60));
        string? line = await child.StandardOutput.ReadLineAsync(timeout.Token);
        return line ?? throw new InvalidOperationException($"the child exited ({(child.HasExited ? child.ExitCode : -1)}) without answering");
    }

    private static void Stop(Process child)
    {
        if (!child.HasExited)
        {
            child.Kill(entireProcessTree: true);
            child.WaitForExit();
        }
    }
}
