namespace Lode.Tests;

using System.Diagnostics;
using System.Text;
using System.Text.Json;

using Hexalith.EventStores;
using Hexalith.EventStores.Exceptions;

using Lode.Interop;

/// <summary>The lode-native layer: raw bytes, spans, handles, and the C ABI's own contract.</summary>
public sealed class NativeLayerTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly LodeProvider _provider;

    public NativeLayerTests() => _provider = new LodeProvider(_dir.Path, null, new LodeSettings { Durability = LodeDurability.NoSync });

    public void Dispose()
    {
        _provider.Dispose();
        _dir.Dispose();
    }

    [Fact]
    public void LibraryVersionAndAbi()
    {
        Assert.Equal(LodeProvider.ExpectedAbiVersion, LodeProvider.AbiVersion);
        Assert.Matches(@"^\d+\.\d+\.\d+", LodeProvider.LibraryVersion);
    }

    [Fact]
    [Trait("Rule", "B-APP-4")]
    public void ReadGivesSpansOfTheStoredBytes_WithTheAssignedSequenceNumberWrittenIn()
    {
        using LodeStore store = _provider.OpenStore(null, "BankAccount", "1");
        byte[] first = T.Raw("r1");
        Assert.Equal(2, store.Append(T.Batch(first, T.Raw("r2", sequence: "2"))));
        using MessageBuffer buffer = store.Read(false);
        Assert.Equal(2, buffer.Count);
        ReadOnlySpan<byte> span = buffer[0];
        using JsonDocument doc = JsonDocument.Parse(span.ToArray());
        Assert.Equal(1, doc.RootElement.GetProperty("Metadata").GetProperty("Context").GetProperty("SequenceNumber").GetInt64());
        Assert.Equal("r1", doc.RootElement.GetProperty("Metadata").GetProperty("Message").GetProperty("Id").GetString());
        Assert.True(buffer.Json.Length >= buffer[0].Length + buffer[1].Length + 3);
        Assert.Equal(buffer.GetItem(1).ToArray(), buffer[1].ToArray());
        _ = Assert.Throws<ArgumentOutOfRangeException>(() => buffer[2].Length);
    }

    [Fact]
    [Trait("Rule", "B-SNP-1")]
    public void SnapshotsAreKeptByteForByte()
    {
        using LodeStore store = _provider.OpenStore(null, "BankAccount", "1");
        _ = store.Append(T.Batch(T.Raw("s1")));
        byte[] snapshot = Encoding.UTF8.GetBytes("""{ "Event" : {"$type":"BankAccountState","Balance":1 ,"Id":"1"}, "Metadata":{"Message":{"Id":"snap","Name":"BankAccountState","Version":1,"Domain":{"Id":"1","Name":"BankAccount"},"CreatedDate":"2026-01-04T14:51:49+00:00"},"Context":{"CorrelationId":"snap","UserId":"u","PartitionId":"default","SequenceNumber":99,"Scopes":[]}}}""");
        store.Snapshot(1, snapshot);
        using MessageBuffer read = store.Read(true);
        Assert.Equal(snapshot, read.ToArray(0));
    }

    [Fact]
    [Trait("Rule", "B-APP-3")]
    public void NumbersWrittenAsStringsAreReadAsNumbers()
    {
        using LodeStore store = _provider.OpenStore(null, "BankAccount", "1");
        Assert.Equal(1, store.Append(T.Batch(T.Raw("n1", sequence: "\"1\""))));
        StoreVersionMismatchException e = Assert.Throws<StoreVersionMismatchException>(() => store.Append(T.Batch(T.Raw("n2", sequence: "\"5\""))));
        Assert.Equal(2, e.ExpectedVersion);
        Assert.Equal(5, e.ActualVersion);
        Assert.Equal(1, store.Version());
    }

    [Fact]
    [Trait("Rule", "R-BAD-6")]
    public void AMessageNestedDeeperThan64IsRefusedAtAppend()
    {
        using LodeStore store = _provider.OpenStore(null, "BankAccount", "1");
        string deep = string.Concat(Enumerable.Repeat("{\"a\":", 100)) + "1" + new string('}', 100);
        LodeArgumentException e = Assert.Throws<LodeArgumentException>(() => store.Append(T.Batch(T.Raw("deep", eventBody: "\"Deep\":" + deep))));
        Assert.Contains("64", e.Message, StringComparison.Ordinal);
        Assert.Equal(0, store.Version());
        string ok = string.Concat(Enumerable.Repeat("{\"a\":", 40)) + "1" + new string('}', 40);
        Assert.Equal(1, store.Append(T.Batch(T.Raw("ok", eventBody: "\"Deep\":" + ok))));
    }

    [Fact]
    [Trait("Rule", "B-SES-5")]
    public void CloseOfAFreedStoreHandleDoesNothingAndReturnsOk()
    {
        LodeStore store = _provider.OpenStore(null, "BankAccount", "free");
        nint raw = ((StoreHandle)typeof(LodeStore).GetField("_handle", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!.GetValue(store)!).DangerousGetHandle();
        store.Dispose();
        int close = NativeMethods.StoreCloseRaw(raw, out nint closeError);
        Exception? failure = close == NativeMethods.Ok ? null : LodeErrors.Create(close, closeError);
        Assert.True(failure is null, $"lode_store_close on a freed handle returned {close}: {failure?.Message}");
        Assert.Equal(NativeMethods.Ok, NativeMethods.StoreFree(raw, out nint freeError));
        NativeMethods.ErrorFree(freeError);
    }

    [Fact]
    public void ADisposedStoreGivesObjectDisposedException_CloseDoesNothing()
    {
        LodeStore store = _provider.OpenStore(null, "BankAccount", "1");
        store.Dispose();
        _ = Assert.Throws<ObjectDisposedException>(() => store.Version());
        _ = Assert.Throws<ObjectDisposedException>(() => store.Append(T.Batch(T.Raw("x"))));
        _ = Assert.Throws<ObjectDisposedException>(() => store.Read());
        store.Close();
        store.Dispose();
        using LodeStore again = _provider.OpenStore(null, "BankAccount", "1", openTimeout: TimeSpan.Zero);
    }

    [Fact]
    [Trait("Rule", "R-BAD-1")]
    public void BadArgumentsAreLodeArgumentExceptions_AndLeaveTheStoreUsable()
    {
        using LodeStore store = _provider.OpenStore(null, "BankAccount", "1");
        _ = Assert.Throws<LodeArgumentException>(() => store.Slice(0, 1));
        _ = Assert.Throws<LodeArgumentException>(() => store.ReadTo(-1));
        _ = Assert.Throws<LodeArgumentException>(() => store.SnapshotAll(0, (_, _) => default));
        _ = Assert.Throws<LodeArgumentException>(() => _provider.ReadLog(-1, 10));
        _ = Assert.ThrowsAny<Exception>(() => store.Append(T.Batch(Encoding.UTF8.GetBytes("[1,2]"))));
        _ = Assert.Throws<LodeArgumentException>(() => new LodeProvider(_dir.Path, null, new LodeSettings { MaxReaders = 1_000_000 }));
        Assert.Equal(1, store.Append(T.Batch(T.Raw("fine"))));
    }
}
