namespace Lode.Tests;

using System.Collections.Concurrent;

using Hexalith.EventStores;
using Hexalith.EventStores.Exceptions;

using Lode.Logging;

using Microsoft.Extensions.Logging;

/// <summary>The library's log events reach the ILogger of the provider's factory.</summary>
public sealed class LoggingTests
{
    [Fact]
    public async Task LibraryEventsReachILoggerWithLevelsCategoriesAndStructuredFields()
    {
        using TempDirectory dir = new();
        RecordingProvider records = new();
        using (ILoggerFactory factory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(records)))
        using (LodeEventStoreProvider provider = T.Provider(dir, loggers: factory))
        {
            string id = Guid.NewGuid().ToString("N");
            await using (LodeEventStore store = await T.Open(provider, id))
            {
                _ = await store.AddAsync(T.Deposits(id, 2), T.None);
                _ = await Assert.ThrowsAsync<StoreVersionMismatchException>(() => store.AddAsync([T.Deposit(id, 1, sequence: 9)], T.None));
                await store.SnapshotAsync(2, new BankAccountState(id, 3, 2).CreateMessage(), T.None);
            }

            string storeId = $"EventStores/BankAccount/{id}";
            Entry opened = records.Single(e => e.Message == "store opened" && Equals(e.State.Get("StoreId"), storeId));
            Assert.Equal(LogLevel.Information, opened.Level);
            Assert.Equal("lode.store", opened.Category);
            Assert.False(string.IsNullOrEmpty(opened.State.Get("SessionId") as string));
            Assert.Contains(opened.State, kv => kv.Key == "{OriginalFormat}");
            Assert.Contains(storeId, opened.Text, StringComparison.Ordinal);

            Entry added = records.Single(e => e.Message == "events added" && Equals(e.State.Get("StoreId"), storeId));
            Assert.Equal(LogLevel.Debug, added.Level);
            Assert.Equal(2L, added.State.Get("Count"));
            Assert.Equal(2L, added.State.Get("NewVersion"));

            Entry mismatch = records.Single(e => e.Message == "version mismatch" && Equals(e.State.Get("StoreId"), storeId));
            Assert.Equal(LogLevel.Warning, mismatch.Level);
            Assert.Contains(records.Entries, e => e.Message == "store closed" && Equals(e.State.Get("StoreId"), storeId));
        }

        int count = records.Entries.Count;
        using TempDirectory other = new();
        using (LodeEventStoreProvider unlogged = T.Provider(other))
        await using (LodeEventStore store = await T.Open(unlogged, "quiet"))
        {
            _ = await store.AddAsync([T.Deposit("quiet", 1)], T.None);
        }

        Assert.DoesNotContain(records.Entries.Skip(count), e => Equals(e.State.Get("StoreId"), "EventStores/BankAccount/quiet"));
    }

    [Fact]
    public async Task AThrowingLoggerNeverBreaksTheLibrary()
    {
        using TempDirectory dir = new();
        using ILoggerFactory factory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(new ThrowingProvider()));
        using LodeEventStoreProvider provider = T.Provider(dir, loggers: factory);
        await using LodeEventStore store = await T.Open(provider);
        Assert.Equal(3, await store.AddAsync(T.Deposits("1", 3), T.None));
    }

    [Theory]
    [InlineData(1, LogLevel.Error)]
    [InlineData(2, LogLevel.Warning)]
    [InlineData(3, LogLevel.Information)]
    [InlineData(4, LogLevel.Debug)]
    [InlineData(5, LogLevel.Trace)]
    public void LevelsMapToLogLevel(int lode, LogLevel level) => Assert.Equal(level, LodeLogging.ToLogLevel(lode));

    [Fact]
    public void TargetsAndFieldsMapToCategoriesAndPascalCaseKeys()
    {
        Assert.Equal("lode.store", LodeLogging.Category("lode::store"));
        Assert.Equal("StoreId", LodeLogging.Key("store_id"));
        Assert.Equal("NewVersion", LodeLogging.Key("new_version"));
    }

    internal sealed record Entry(string Category, LogLevel Level, LodeLogState State, string Text)
    {
        public string Message => State.Message;
    }

    private sealed class RecordingProvider : ILoggerProvider
    {
        public ConcurrentQueue<Entry> Entries { get; } = new();

        public Entry Single(Func<Entry, bool> match) => Assert.Single(Entries, e => match(e));

        public ILogger CreateLogger(string categoryName) => new Recorder(categoryName, this);

        public void Dispose()
        {
        }

        private sealed class Recorder(string category, RecordingProvider owner) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (state is LodeLogState lode)
                {
                    owner.Entries.Enqueue(new Entry(category, logLevel, lode, formatter(state, exception)));
                }
            }
        }
    }

    private sealed class ThrowingProvider : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Thrower();

        public void Dispose()
        {
        }

        private sealed class Thrower : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
                => throw new InvalidOperationException("a broken logger");
        }
    }
}
