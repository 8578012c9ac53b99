namespace Lode.Tests;

using System.Diagnostics;
using System.Text.Json;

using Hexalith.EventStores;

/// <summary>
/// The upgrade from on-disk format 1 (docs/storage-layout.md, "Upgrade"): the repository's
/// format-1 fixture is refused at open with the call that upgrades it, upgraded, and then
/// answers as format 1 did.
/// </summary>
public sealed class UpgradeTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static string Fixture()
    {
        string? dir = AppContext.BaseDirectory;
        while (dir is not null && !File.Exists(Path.Combine(dir, "tests", "fixtures", "format1.tar.gz")))
        {
            dir = Path.GetDirectoryName(dir);
        }

        return dir is null
            ? throw new FileNotFoundException("tests/fixtures/format1.tar.gz was not found above the test's directory")
            : Path.Combine(dir, "tests", "fixtures", "format1.tar.gz");
    }

    [Fact]
    public async Task AFormat1DirectoryIsRefusedWithTheUpgradeCall_ThenUpgradedAndReadAsBefore()
    {
        string store = Path.Combine(_dir.Path, "store");
        _ = Directory.CreateDirectory(store);
        using (Process tar = Process.Start("tar", ["-xzf", Fixture(), "-C", store])!)
        {
            await tar.WaitForExitAsync();
            Assert.Equal(0, tar.ExitCode);
        }

        using JsonDocument answers = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(store, "answers.json")));
        File.Delete(Path.Combine(store, "answers.json"));
        LodeStorageException refused = Assert.Throws<LodeStorageException>(() => new LodeEventStoreProvider(store));
        Assert.Equal("FORMAT_UPGRADE_NEEDED", refused.StorageCodeName);
        Assert.Contains("UpgradeDirectory", refused.Message, StringComparison.Ordinal);

        Assert.Equal(1u, LodeEventStoreProvider.UpgradeDirectory(store));
        Assert.Equal(5u, LodeEventStoreProvider.UpgradeDirectory(store)); // nothing to do: format 5 now

        // The log through the native layer (the fixture's event types are not C# types here).
        using (LodeProvider native = new(store))
        using (MessageBuffer log = native.ReadLog(0, 1_000_000))
        {
            JsonElement want = answers.RootElement.GetProperty("log");
            Assert.Equal(want.GetArrayLength(), log.Count);
            for (int i = 0; i < log.Count; i += 997)
            {
                LogEnvelope envelope = LogEnvelope.Parse(log.GetItem(i));
                Assert.Equal(want[i].GetProperty("EventId").GetString(), envelope.EventId);
                Assert.Equal(want[i].GetProperty("Position").GetInt64(), envelope.Position);
            }
        }

        using LodeEventStoreProvider provider = new(store);
        await using IEventStore account = await provider.OpenStoreAsync("BankAccount", "acct-05", CancellationToken.None);
        Assert.Equal(1000, await account.VersionAsync(CancellationToken.None));
    }
}
