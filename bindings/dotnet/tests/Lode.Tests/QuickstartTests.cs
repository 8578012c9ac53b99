namespace Lode.Tests;

using Hexalith.EventStores;
using Hexalith.EventStores.Configurations;
using Hexalith.EventStores.Exceptions;

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

/// <summary>
/// The snippets of the seed quickstart (003), written as a .NET user has them; only the
/// provider's construction is lode's.
/// </summary>
public sealed class QuickstartTests : IDisposable
{
    private const string AccountId = "123456000";
    private readonly TempDirectory _dir = new();
    private readonly LodeEventStoreProvider _provider;

    public QuickstartTests() => _provider = new LodeEventStoreProvider(_dir.Path);

    public void Dispose()
    {
        _provider.Dispose();
        _dir.Dispose();
    }

    [Fact]
    public async Task OpenAddRetrieve_AndAwaitUsing()
    {
        IEventStore store = await _provider.OpenStoreAsync("BankAccount", AccountId, CancellationToken.None);
        try
        {
            await store.AddAsync(
                [
                    new BankAccountCreated(AccountId, "Joe Dalton", "EUR").CreateMessage(),
                    new FundsDeposited(AccountId, 1500m, DateTimeOffset.Now).CreateMessage(),
                ],
                CancellationToken.None);
            await store.AddAsync([new FundsWithdrawn(AccountId, 500m, DateTimeOffset.Now).CreateMessage()], CancellationToken.None);
        }
        finally
        {
            store.Close();
        }

        await using IEventStore again = await _provider.OpenStoreAsync("BankAccount", AccountId, CancellationToken.None);
        IEnumerable<EventMessage> history = await again.GetAsync(CancellationToken.None);
        Assert.Equal(["BankAccountCreated", "FundsDeposited", "FundsWithdrawn"], history.Select(m => m.Event.GetType().Name));
        Assert.Equal([1L, 2, 3], history.Select(m => m.Metadata.Context.SequenceNumber!.Value));
        store.Dispose();
    }

    [Fact]
    [Trait("Rule", "B-APP-3")]
    public async Task OptimisticConcurrency()
    {
        await using IEventStore store = await _provider.OpenStoreAsync("BankAccount", AccountId, CancellationToken.None);
        await store.AddAsync([new BankAccountCreated(AccountId, "Joe", "EUR").CreateMessage()], CancellationToken.None);
        long currentVersion = await store.VersionAsync(CancellationToken.None);
        EventMessage withdrawal = new FundsWithdrawn(AccountId, 500m, DateTimeOffset.Now).CreateMessage(sequenceNumber: currentVersion + 1);
        Assert.Equal(2, await store.AddAsync([withdrawal], CancellationToken.None));

        EventMessage stale = new FundsWithdrawn(AccountId, 500m, DateTimeOffset.Now).CreateMessage(sequenceNumber: currentVersion + 1);
        StoreVersionMismatchException conflict = await Assert.ThrowsAsync<StoreVersionMismatchException>(() => store.AddAsync([stale], CancellationToken.None));
        Assert.Equal(3, conflict.ExpectedVersion);
        Assert.Equal(2, conflict.ActualVersion);
    }

    [Fact]
    [Trait("Rule", "B-SNP-1")]
    [Trait("Rule", "B-RD-2")]
    public async Task Snapshots_CreateAndLoad()
    {
        await using IEventStore store = await _provider.OpenStoreAsync("BankAccount", AccountId, CancellationToken.None);
        await store.AddAsync([new BankAccountCreated(AccountId, "Joe", "EUR").CreateMessage(), new FundsDeposited(AccountId, 100, DateTimeOffset.Now).CreateMessage()], CancellationToken.None);
        IEnumerable<EventMessage> events = await store.GetAsync(useSnapshot: false, CancellationToken.None);
        decimal balance = events.Sum(e => e.Event is FundsDeposited d ? d.Amount : 0);
        long version = await store.VersionAsync(CancellationToken.None);
        await store.SnapshotAsync(version, new BankAccountState(AccountId, balance, events.Count()).CreateMessage(), CancellationToken.None);
        await store.AddAsync([new FundsDeposited(AccountId, 50, DateTimeOffset.Now).CreateMessage()], CancellationToken.None);

        decimal state = 0;
        foreach (EventMessage message in await store.GetAsync(useSnapshot: true, CancellationToken.None))
        {
            state = message.Event is BankAccountState snapshot ? snapshot.Balance : state + (message.Event is FundsDeposited d ? d.Amount : 0);
        }

        Assert.Equal(150m, state);
    }

    [Fact]
    [Trait("Rule", "B-SNP-4")]
    public async Task Snapshots_AutoGenerateEvery100Events()
    {
        await using IEventStore store = await _provider.OpenStoreAsync("BankAccount", AccountId, CancellationToken.None);
        await store.AddAsync(T.Deposits(AccountId, 250), CancellationToken.None);
        List<int> sizes = [];
        await store.SnapshotAllAsync(
            chunkSize: 100,
            snapshot: events =>
            {
                List<EventMessage> list = [.. events];
                sizes.Add(list.Count);
                decimal balance = list.Sum(m => m.Event switch { BankAccountState s => s.Balance, FundsDeposited d => d.Amount, _ => 0 });
                return new BankAccountState(AccountId, balance, list.Count).CreateMessage();
            },
            CancellationToken.None);
        Assert.Equal([100, 101], sizes);
        Assert.Equal([100L, 200], await store.SnapshotVersionsAsync(CancellationToken.None));
        EventMessage at200 = (await store.GetAsync(200, true, CancellationToken.None)).First();
        Assert.Equal(Enumerable.Range(1, 200).Sum(), (int)((BankAccountState)at200.Event).Balance);
        await store.SnapshotAllAsync(100, _ => throw new InvalidOperationException("nothing left to snapshot"), CancellationToken.None);
    }

    [Fact]
    [Trait("Rule", "B-RD-4")]
    public async Task EventSlicing()
    {
        await using IEventStore store = await _provider.OpenStoreAsync("BankAccount", AccountId, CancellationToken.None);
        await store.AddAsync(T.Deposits(AccountId, 120), CancellationToken.None);
        IEnumerable<EventMessage> slice = await store.GetSliceAsync(first: 50, last: 75, CancellationToken.None);
        Assert.Equal(26, slice.Count());
        long current = await store.VersionAsync(CancellationToken.None);
        IEnumerable<EventMessage> recentEvents = await store.GetSliceAsync(100, current, CancellationToken.None);
        Assert.Equal(21, recentEvents.Count());
    }

    [Fact]
    [Trait("Rule", "B-ID-1")]
    public async Task MultiTenant_DatabasePartitionsByTenant()
    {
        foreach (string tenantId in new[] { "tenant-a", "tenant-b" })
        {
            await using IEventStore store = await _provider.OpenStoreAsync(database: tenantId, name: "Order", id: "42", CancellationToken.None);
            await store.AddAsync([T.Deposit("42", tenantId == "tenant-a" ? 1 : 2)], CancellationToken.None);
        }

        await using IEventStore a = await _provider.OpenStoreAsync("tenant-a", "Order", "42", CancellationToken.None);
        Assert.Equal(1m, ((FundsDeposited)(await a.GetAsync(CancellationToken.None)).Single().Event).Amount);
    }

    [Fact]
    [Trait("Rule", "B-SES-3")]
    [Trait("Rule", "B-SES-4")]
    public async Task ErrorHandling_OpenFailedAndSessionExpired()
    {
        await using IEventStore holder = await _provider.OpenStoreAsync("Order", "1", CancellationToken.None);
        using TempDirectory dir2 = new();
        using LodeEventStoreProvider quick = new(_dir.Path, new EventStoreSettings { DefaultOpenTimeout = TimeSpan.FromMilliseconds(200) });
        try
        {
            await using IEventStore store = await quick.OpenStoreAsync("Order", "1", CancellationToken.None);
            Assert.Fail("the second open must fail");
        }
        catch (OpenStoreFailedException ex)
        {
            Assert.Equal("EventStores/Order/1", ex.StoreId);
            Assert.Equal(TimeSpan.FromMilliseconds(200), ex.Timeout);
        }

        IEventStore shortLived = await _provider.OpenStoreAsync("Order", "2", CancellationToken.None);
        await shortLived.OpenAsync(TimeSpan.FromMilliseconds(100), TimeSpan.Zero, CancellationToken.None);
        await Task.Delay(250);
        try
        {
            await shortLived.AddAsync([T.Deposit("2", 1)], CancellationToken.None);
            Assert.Fail("the session must have expired");
        }
        catch (StoreSessionExpiredException ex)
        {
            Assert.False(string.IsNullOrEmpty(ex.SessionId));
            Assert.NotNull(ex.Expiration);
        }
        finally
        {
            await shortLived.DisposeAsync();
        }
    }

    [Fact]
    public async Task DependencyInjection_WithAppsettings()
    {
        using TempDirectory config = new();
        string appsettings = Path.Combine(config.Path, "appsettings.json");
        await File.WriteAllTextAsync(appsettings, $$"""
            {
              "Hexalith": {
                "EventStores": {
                  "DefaultDatabase": "Shop",
                  "DefaultOpenTimeout": "00:00:02",
                  "DefaultSessionTimeout": "00:00:30"
                }
              },
              "Lode": { "Path": "{{_dir.Path}}/di", "Durability": "NoMetaSync", "FileMode": "0640" }
            }
            """);
        IConfiguration configuration = new ConfigurationBuilder().AddJsonFile(appsettings).Build();
        ServiceCollection services = new();
        _ = services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        _ = services.AddLodeEventStore(configuration);
        _ = services.AddSingleton<OrderService>();
        await using ServiceProvider container = services.BuildServiceProvider();

        EventStoreSettings settings = container.GetRequiredService<IOptions<EventStoreSettings>>().Value;
        Assert.Equal(("Shop", TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(30)), (settings.DefaultDatabase, settings.DefaultOpenTimeout, settings.DefaultSessionTimeout));
        Assert.IsType<LodeEventStoreProvider>(container.GetRequiredService<IEventStoreProvider>());
        OrderService service = container.GetRequiredService<OrderService>();
        Assert.Equal(1, await service.PlaceAsync("o-1", CancellationToken.None));
        Assert.Equal("Shop/Order/o-1", await service.StoreIdAsync("o-1", CancellationToken.None));
        Assert.True(File.Exists(Path.Combine(_dir.Path, "di", "data.mdb")));
        Assert.Equal(Convert.ToInt32("640", 8), (int)File.GetUnixFileMode(Path.Combine(_dir.Path, "di", "data.mdb")) & 0x1FF);
    }

    [Fact]
    public void DependencyInjection_WithoutPath_FailsNamingTheSetting()
    {
        ServiceCollection services = new();
        _ = services.AddLodeEventStore(new ConfigurationBuilder().Build());
        using ServiceProvider container = services.BuildServiceProvider();
        ArgumentException e = Assert.ThrowsAny<ArgumentException>(() => container.GetRequiredService<IEventStoreProvider>());
        Assert.Contains("Lode", e.Message, StringComparison.Ordinal);
    }

    /// <summary>The quickstart's service, unchanged.</summary>
    public sealed class OrderService(IEventStoreProvider storeProvider)
    {
        public async Task<long> PlaceAsync(string orderId, CancellationToken ct)
        {
            await using IEventStore store = await storeProvider.OpenStoreAsync("Order", orderId, ct);
            return await store.AddAsync([T.Deposit(orderId, 1)], ct);
        }

        public async Task<string> StoreIdAsync(string orderId, CancellationToken ct)
        {
            await using var store = await storeProvider.OpenStoreAsync("Order", orderId, ct);
            _ = await store.GetAsync(ct);
            return ((LodeEventStore)store).StoreId;
        }
    }
}
