namespace Lode.Tests;

using System.Text;

using Hexalith.EventStores;

/// <summary>docs/backup.md (K-BAK-*) through the C# binding: BackupAsync with progress and
/// cancellation, VerifyAsync / VerifyDirectoryAsync, CheckBackupAsync, and restore.</summary>
public sealed class BackupTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly TempDirectory _backups = new();
    private readonly LodeEventStoreProvider _provider;

    public BackupTests() => _provider = T.Provider(_dir);

    public void Dispose()
    {
        _provider.Dispose();
        _dir.Dispose();
        _backups.Dispose();
    }

    private string Target(string name) => System.IO.Path.Combine(_backups.Path, name);

    private async Task Fill(string id = "1", int batches = 20, int perBatch = 50)
    {
        await using LodeEventStore store = await T.Open(_provider, id);
        for (int b = 0; b < batches; b++)
        {
            _ = await store.AddAsync(T.Deposits(id, perBatch), T.None);
        }
    }

    private IEnumerable<string> Partials() => Directory.EnumerateFileSystemEntries(_backups.Path).Where(e => e.Contains(".partial-", StringComparison.Ordinal));

    /// <summary>Records every report, synchronously, with the thread it came on.</summary>
    private sealed class Recorder(Action<BackupProgress>? also = null) : IProgress<BackupProgress>
    {
        public List<BackupProgress> Seen { get; } = [];

        public bool OnPoolThread { get; private set; }

        public void Report(BackupProgress value)
        {
            Seen.Add(value);
            OnPoolThread |= Thread.CurrentThread.IsThreadPoolThread;
            also?.Invoke(value);
        }
    }

    [Fact]
    [Trait("Rule", "K-BAK-1")]
    [Trait("Rule", "K-BAK-5")]
    public async Task K_BAK_1_BackupAsync_ReportsProgressOffThePool_AndTheCopyVerifiesChecksAndRestores()
    {
        await Fill();
        Recorder progress = new();
        BackupInfo info = await _provider.BackupAsync(Target("b1"), new BackupOptions { MaxBytesPerSecond = 4_000_000 }, progress, T.None);
        Assert.Equal(1000, info.Position);
        Assert.False(info.Compacted);
        Assert.Equal("lmdb", info.Backend);
        Assert.Equal(0, progress.Seen[0].Done);
        Assert.Equal(new BackupProgress(info.Bytes, info.Bytes), progress.Seen[^1]);
        Assert.True(progress.Seen.Zip(progress.Seen.Skip(1)).All(p => p.Second.Done >= p.First.Done));
        Assert.False(progress.OnPoolThread, "the progress came on the backup's own thread, not a pool thread");

        VerifyReport report = await LodeEventStoreProvider.VerifyDirectoryAsync(Target("b1"), T.None);
        Assert.True(report.Ok, string.Join("\n", report.Problems));
        Assert.Equal((1000L, 1000L), (report.Events, report.Position));
        Assert.True((await _provider.VerifyAsync(T.None)).Ok);

        await Fill("2", batches: 1);
        BackupCheck check = await _provider.CheckBackupAsync(Target("b1"), T.None);
        Assert.True(check.Ok, string.Join("\n", check.Problems));
        Assert.Equal((1000L, 1050L, 1000L), (check.Position, check.SourcePosition, check.EventsCompared));
        Assert.Equal(1000, check.Recorded?.Position);

        // Restore is opening the backup directory.
        using LodeEventStoreProvider restored = new(Target("b1"));
        await using LodeEventStore store = await T.Open(restored, "1");
        Assert.Equal(1000, await store.VersionAsync(T.None));
        Assert.Equal(1001, await store.AddAsync([T.Deposit("1", 5)], T.None));
    }

    [Fact]
    [Trait("Rule", "K-BAK-5")]
    public async Task K_BAK_5_TheTokenCancelsTheBackup_AndNothingIsLeft()
    {
        await Fill();
        using CancellationTokenSource cts = new();
        Recorder progress = new(p =>
        {
            if (p.Done > 0)
            {
                cts.Cancel();
            }
        });
        OperationCanceledException e = await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => _provider.BackupAsync(Target("cancelled"), new BackupOptions { MaxBytesPerSecond = 2_000_000 }, progress, cts.Token));
        Assert.Equal(cts.Token, e.CancellationToken);
        Assert.False(Directory.Exists(Target("cancelled")));
        Assert.Empty(Partials());

        // Already cancelled: nothing starts.
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _provider.BackupAsync(Target("never"), null, null, cts.Token));
        Assert.False(Directory.Exists(Target("never")));

        // The provider goes on working.
        Assert.Equal(1000, (await _provider.BackupAsync(Target("after"), null, null, T.None)).Position);
    }

    [Fact]
    [Trait("Rule", "K-BAK-5")]
    public async Task K_BAK_5_AnExceptionFromTheProgressCancelsAndFaultsTheTask()
    {
        await Fill(batches: 4);
        InvalidOperationException boom = new("the progress bar broke");
        InvalidOperationException e = await Assert.ThrowsAsync<InvalidOperationException>(
            () => _provider.BackupAsync(Target("faulted"), null, new Recorder(_ => throw boom), T.None));
        Assert.Same(boom, e);
        Assert.False(Directory.Exists(Target("faulted")));
        Assert.Empty(Partials());
    }

    [Fact]
    [Trait("Rule", "K-BAK-5")]
    public async Task K_BAK_5_NativeLayer_FalseFromTheCallbackIsLodeCancelledException()
    {
        await Fill(batches: 4);
        int calls = 0;
        LodeCancelledException e = Assert.Throws<LodeCancelledException>(() => _provider.NativeProvider.Backup(Target("native"), null, _ => ++calls < 2));
        Assert.Equal(2, calls);
        Assert.Contains("backup to", e.Operation, StringComparison.Ordinal);
        Assert.Equal(LodeStatus.Cancelled, (LodeStatus)(int)e.Data["lode.status"]!);
        Assert.False(Directory.Exists(Target("native")));
    }

    [Fact]
    [Trait("Rule", "K-BAK-3")]
    public async Task K_BAK_3_ABackupNeverOverwrites()
    {
        await Fill(batches: 1);
        _ = await _provider.BackupAsync(Target("b"), null, null, T.None);
        LodeArgumentException e = await Assert.ThrowsAsync<LodeArgumentException>(() => _provider.BackupAsync(Target("b"), null, null, T.None));
        Assert.Contains("never overwrites", e.Message, StringComparison.Ordinal);
        _ = await Assert.ThrowsAsync<LodeArgumentException>(() => _provider.BackupAsync(_dir.Path, null, null, T.None));
    }

    [Fact]
    [Trait("Rule", "K-BAK-6")]
    public async Task K_BAK_6_VerifyNamesAFlippedByteByStoreAndVersion()
    {
        await using (LodeEventStore store = await T.Open(_provider, "7"))
        {
            for (int k = 1; k <= 10; k++)
            {
                _ = await store.AddAsync([new BankAccountCreated("7", $"marker-{k:000}-end", "EUR").CreateMessage()], T.None);
            }
        }

        _ = await _provider.BackupAsync(Target("damaged"), new BackupOptions { Compact = true, Verify = true }, null, T.None);
        string data = System.IO.Path.Combine(Target("damaged"), "data.mdb");
        byte[] bytes = await File.ReadAllBytesAsync(data);
        int at = bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes("marker-004-end"));
        Assert.True(at > 0);
        bytes[at + 7] ^= 1;
        await File.WriteAllBytesAsync(data, bytes);

        VerifyReport report = await LodeEventStoreProvider.VerifyDirectoryAsync(Target("damaged"), T.None);
        Assert.False(report.Ok);
        VerifyProblem first = report.Problems[0];
        Assert.Equal(("Damaged", "EventStores/BankAccount/7", 4L), (first.Kind, first.StoreId, first.Version));
        BackupCheck check = await _provider.CheckBackupAsync(Target("damaged"), T.None);
        Assert.False(check.Ok);
        Assert.False(check.Backup.Ok);

        string empty = Target("empty");
        _ = Directory.CreateDirectory(empty);
        LodeStorageException none = await Assert.ThrowsAsync<LodeStorageException>(() => LodeEventStoreProvider.VerifyDirectoryAsync(empty, T.None));
        Assert.Equal("NOT_A_STORE", none.StorageCodeName);
        Assert.Empty(Directory.EnumerateFileSystemEntries(empty));
    }
}
