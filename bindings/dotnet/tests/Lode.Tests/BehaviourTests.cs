namespace Lode.Tests;

using System.Text;

using Hexalith.EventStores;
using Hexalith.EventStores.Configurations;
using Hexalith.EventStores.Exceptions;

/// <summary>behaviour.md through the Hexalith surface (IEventStoreProvider / IEventStore).</summary>
public sealed class BehaviourTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly LodeEventStoreProvider _provider;

    public BehaviourTests() => _provider = T.Provider(_dir);

    public void Dispose()
    {
        _provider.Dispose();
        _dir.Dispose();
    }

    // -- identity ------------------------------------------------------------------------------

    [Fact]
    [Trait("Rule", "B-ID-1")]
    public async Task B_ID_1_StreamIsDatabaseNameId_DefaultDatabaseIsEventStores()
    {
        await using IEventStore a = await _provider.OpenStoreAsync("BankAccount", "1", T.None);
        await using IEventStore b = await _provider.OpenStoreAsync("Tenant2", "BankAccount", "1", T.None);
        await using IEventStore c = await _provider.OpenStoreAsync("BankAccount", "2", T.None);
        Assert.Equal(1, await a.AddAsync([T.Deposit("1", 10)], T.None));
        Assert.Equal(1, await b.AddAsync([T.Deposit("1", 20)], T.None));
        Assert.Equal(0, await c.VersionAsync(T.None));
        Assert.Equal("EventStores", ((LodeEventStore)a).Database);
        Assert.Equal(10m, ((FundsDeposited)(await a.GetAsync(T.None)).Single().Event).Amount);
        Assert.Equal(20m, ((FundsDeposited)(await b.GetAsync(T.None)).Single().Event).Amount);
    }

    [Fact]
    [Trait("Rule", "B-ID-1")]
    public async Task B_ID_1_DefaultDatabaseComesFromSettings()
    {
        using TempDirectory dir = new();
        using LodeEventStoreProvider provider = T.Provider(dir, new EventStoreSettings { DefaultDatabase = "Tenants" });
        await using IEventStore store = await provider.OpenStoreAsync("BankAccount", "1", T.None);
        Assert.Equal("Tenants/BankAccount/1", ((LodeEventStore)store).StoreId);
    }

    [Theory]
    [Trait("Rule", "B-ID-2")]
    [InlineData("", "BankAccount", "1", "database")]
    [InlineData("db", "", "1", "name")]
    [InlineData("db", "BankAccount", "", "id")]
    [InlineData("db", "Bank\0Account", "1", "name")]
    public async Task B_ID_2_EmptyOrNulPartIsInvalidArgumentNamingThePart(string database, string name, string id, string part)
    {
        LodeArgumentException e = await Assert.ThrowsAsync<LodeArgumentException>(() => _provider.OpenStoreAsync(database, name, id, T.None));
        Assert.Equal(part, e.ParamName);
        Assert.False(string.IsNullOrEmpty(e.Reason));
    }

    [Fact]
    [Trait("Rule", "B-ID-2")]
    public async Task B_ID_2_LongPartsUpTo160BytesAreAccepted_LongerAreRefused()
    {
        await using IEventStore ok = await _provider.OpenStoreAsync(new string('d', 160), new string('n', 160), new string('i', 128), T.None);
        Assert.Equal(1, await ok.AddAsync([T.Deposit("1", 1)], T.None));
        LodeArgumentException e = await Assert.ThrowsAsync<LodeArgumentException>(() => _provider.OpenStoreAsync("db", new string('n', 161), "1", T.None));
        Assert.Equal("name", e.ParamName);
    }

    [Fact]
    [Trait("Rule", "B-ID-2")]
    [Trait("Rule", "R-SEC-1")]
    public async Task B_ID_2_NamesNeverBecomePaths()
    {
        await using IEventStore store = await _provider.OpenStoreAsync("../../etc", "../passwd", "/tmp/x", T.None);
        Assert.Equal(1, await store.AddAsync([T.Deposit("1", 1)], T.None));
        Assert.Empty(Directory.GetDirectories(_dir.Path));
        Assert.False(File.Exists("/tmp/x"));
    }

    [Fact]
    [Trait("Rule", "B-ID-3")]
    public async Task B_ID_3_StoreIdIsDatabaseSlashNameSlashIdInErrors()
    {
        await using IEventStore store = await _provider.OpenStoreAsync("Tenant", "BankAccount", "7", T.None);
        StreamVersionNotFoundException e = await Assert.ThrowsAsync<StreamVersionNotFoundException>(() => store.GetAsync(3, false, T.None));
        Assert.Equal("Tenant/BankAccount/7", e.StreamId);
        Assert.Contains("Tenant/BankAccount/7", e.Message, StringComparison.Ordinal);
    }

    // -- sessions --------------------------------------------------------------------------------

    [Fact]
    [Trait("Rule", "B-SES-1")]
    public async Task B_SES_1_CallsAfterCloseAreStoreNotOpen_UntilReopened()
    {
        LodeEventStore store = await T.Open(_provider);
        store.Close();
        StoreNotOpenException e = await Assert.ThrowsAsync<StoreNotOpenException>(() => store.AddAsync([T.Deposit("1", 1)], T.None));
        Assert.Equal("EventStores/BankAccount/1", e.StoreId);
        Assert.False(string.IsNullOrEmpty(e.Operation));
        _ = await Assert.ThrowsAsync<StoreNotOpenException>(() => store.GetAsync(T.None));
        _ = await Assert.ThrowsAsync<StoreNotOpenException>(() => store.VersionAsync(T.None));
        await store.OpenAsync(T.None);
        Assert.Equal(1, await store.AddAsync([T.Deposit("1", 1)], T.None));
        store.Dispose();
    }

    [Fact]
    [Trait("Rule", "B-SES-1")]
    public async Task B_SES_1_DefaultTimeoutsAreOneMinuteAndFiveSeconds()
    {
        EventStoreSettings settings = new();
        Assert.Equal(TimeSpan.FromMinutes(1), settings.DefaultSessionTimeout);
        Assert.Equal(TimeSpan.FromSeconds(5), settings.DefaultOpenTimeout);
        Assert.Equal("EventStores", settings.DefaultDatabase);
        Assert.Equal("Hexalith:EventStores", EventStoreSettings.ConfigurationName());
        await using IEventStore store = await _provider.OpenStoreAsync("BankAccount", "1", T.None);
        Assert.Equal(0, await store.VersionAsync(T.None));
    }

    [Fact]
    [Trait("Rule", "B-SES-2")]
    [Trait("Rule", "B-SES-3")]
    public async Task B_SES_2_3_SecondOpenOfAHeldStreamFailsWithOpenStoreFailed()
    {
        await using LodeEventStore first = await T.Open(_provider);
        OpenStoreFailedException e = await Assert.ThrowsAsync<OpenStoreFailedException>(() => T.Open(_provider, open: TimeSpan.Zero));
        Assert.Equal("EventStores/BankAccount/1", e.StoreId);
        Assert.Equal(TimeSpan.Zero, e.Timeout);
        Assert.Equal(Environment.ProcessId, e.HolderProcessId);
        Assert.False(string.IsNullOrEmpty(e.HolderSessionId));
        Assert.True(e.HolderExpiration > DateTimeOffset.UtcNow);
    }

    [Fact]
    [Trait("Rule", "B-SES-3")]
    public async Task B_SES_3_OpenRetriesUntilTheOpenTimeout_ThenReportsTheTimeoutAndHolder()
    {
        await using LodeEventStore first = await T.Open(_provider);
        TimeSpan timeout = TimeSpan.FromMilliseconds(300);
        OpenStoreFailedException e = await Assert.ThrowsAsync<OpenStoreFailedException>(() => T.Open(_provider, open: timeout));
        Assert.Equal(timeout, e.Timeout);
        Assert.Equal(Environment.ProcessId, e.HolderProcessId);
        Assert.Contains("EventStores/BankAccount/1", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "B-SES-3")]
    public async Task B_SES_3_OpenWaitsForAReleaseWithinTheOpenTimeout()
    {
        LodeEventStore first = await T.Open(_provider);
        Task<LodeEventStore> second = T.Open(_provider, open: TimeSpan.FromSeconds(30));
        await Task.Delay(100);
        Assert.False(second.IsCompleted);
        first.Dispose();
        await using LodeEventStore opened = await second;
        Assert.Equal(1, await opened.AddAsync([T.Deposit("1", 1)], T.None));
    }

    [Fact]
    [Trait("Rule", "B-SES-3")]
    public async Task B_SES_3_AnExpiredLeaseIsFree()
    {
        await using LodeEventStore first = await T.Open(_provider, session: TimeSpan.FromMilliseconds(100));
        await Task.Delay(250);
        await using LodeEventStore second = await T.Open(_provider, open: TimeSpan.Zero);
        Assert.Equal(1, await second.AddAsync([T.Deposit("1", 1)], T.None));
    }

    [Fact]
    [Trait("Rule", "B-SES-4")]
    public async Task B_SES_4_ExpiredSessionGivesSessionExpiredWithSessionAndExpiry()
    {
        await using LodeEventStore store = await T.Open(_provider, session: TimeSpan.FromMilliseconds(100));
        DateTimeOffset before = DateTimeOffset.UtcNow;
        await Task.Delay(250);
        StoreSessionExpiredException e = await Assert.ThrowsAsync<StoreSessionExpiredException>(() => store.AddAsync([T.Deposit("1", 1)], T.None));
        Assert.Equal("EventStores/BankAccount/1", e.StoreId);
        Assert.False(string.IsNullOrEmpty(e.SessionId));
        Assert.NotNull(e.Expiration);
        Assert.True(e.Expiration > before.AddSeconds(-5) && e.Expiration < DateTimeOffset.UtcNow);
        Assert.Empty(await _provider.StreamEventsSinceAsync(null, "BankAccount", "1", 0, 10, T.None));
    }

    [Fact]
    [Trait("Rule", "B-SES-4")]
    public async Task B_SES_4_LeaseTakenByAnotherSessionGivesInvalidSession()
    {
        await using LodeEventStore stale = await T.Open(_provider, session: TimeSpan.FromMilliseconds(100));
        await Task.Delay(250);
        await using LodeEventStore holder = await T.Open(_provider);
        InvalidStoreSessionException e = await Assert.ThrowsAsync<InvalidStoreSessionException>(() => stale.AddAsync([T.Deposit("1", 1)], T.None));
        Assert.Equal("EventStores/BankAccount/1", e.StoreId);
        Assert.False(string.IsNullOrEmpty(e.SessionId));
        Assert.False(string.IsNullOrEmpty(e.ExpectedSession));
        Assert.NotEqual(e.SessionId, e.ExpectedSession);
        Assert.Equal(1, await holder.AddAsync([T.Deposit("1", 1)], T.None));
    }

    [Fact]
    [Trait("Rule", "B-SES-5")]
    public async Task B_SES_5_CloseReleasesTheLease_CloseAndDisposeAreIdempotentInAnyOrder()
    {
        LodeEventStore store = await T.Open(_provider);
        store.Close();
        store.Close();
        await using (LodeEventStore other = await T.Open(_provider, open: TimeSpan.Zero))
        {
            Assert.Equal(0, await other.VersionAsync(T.None));
        }

        store.Dispose();
        store.Close();
        store.Dispose();
        await store.DisposeAsync();
        LodeEventStore again = await T.Open(_provider, open: TimeSpan.Zero);
        again.Dispose();
        again.Close();
    }

    [Fact]
    [Trait("Rule", "B-SES-5")]
    public async Task B_SES_5_CloseOfAStaleSessionDoesNotReleaseTheNewHoldersLease()
    {
        LodeEventStore stale = await T.Open(_provider, session: TimeSpan.FromMilliseconds(100));
        await Task.Delay(250);
        await using LodeEventStore holder = await T.Open(_provider);
        stale.Close();
        stale.Dispose();
        _ = await Assert.ThrowsAsync<OpenStoreFailedException>(() => T.Open(_provider, open: TimeSpan.Zero));
        Assert.Equal(1, await holder.AddAsync([T.Deposit("1", 1)], T.None));
    }

    [Fact]
    [Trait("Rule", "B-SES-6")]
    public async Task B_SES_6_RenewExtendsAValidSession_NotAnExpiredOne()
    {
        // Three renewals 1 s apart keep a 2 s session alive for 3 s, past its first expiry; then it
        // lapses. (Each renewal has a second of slack on a loaded machine.)
        await using LodeEventStore store = await T.Open(_provider, session: TimeSpan.FromSeconds(2));
        for (int i = 0; i < 3; i++)
        {
            await Task.Delay(1000);
            await store.RenewAsync(T.None);
        }

        Assert.Equal(1, await store.AddAsync([T.Deposit("1", 1)], T.None));
        await Task.Delay(2500);
        _ = await Assert.ThrowsAsync<StoreSessionExpiredException>(() => store.RenewAsync(T.None));
    }

    // -- append ----------------------------------------------------------------------------------

    [Fact]
    [Trait("Rule", "B-APP-1")]
    public async Task B_APP_1_AppendReturnsTheNewVersion_EmptyBatchReturnsCurrentAndWritesNothing()
    {
        await using LodeEventStore store = await T.Open(_provider);
        Assert.Equal(0, await store.AddAsync([], T.None));
        Assert.Equal(3, await store.AddAsync(T.Deposits("1", 3), T.None));
        Assert.Equal(3, await store.AddAsync([], T.None));
        Assert.Equal(3, (await _provider.ReadLogAsync(1, 100, T.None)).Count);
    }

    [Fact]
    [Trait("Rule", "B-APP-2")]
    [Trait("Rule", "B-APP-4")]
    public async Task B_APP_2_4_VersionsStartAt1WithoutGaps_AndAreWrittenIntoTheMessages()
    {
        await using LodeEventStore store = await T.Open(_provider);
        _ = await store.AddAsync(T.Deposits("1", 2), T.None);
        _ = await store.AddAsync(T.Deposits("1", 3), T.None);
        List<EventMessage> all = [.. await store.GetAsync(false, T.None)];
        Assert.Equal([1L, 2, 3, 4, 5], all.Select(m => m.Metadata.Context.SequenceNumber!.Value));
    }

    [Fact]
    [Trait("Rule", "B-APP-3")]
    public async Task B_APP_3_RightSequenceNumbersAreAccepted()
    {
        await using LodeEventStore store = await T.Open(_provider);
        Assert.Equal(2, await store.AddAsync(T.Deposits("1", 2, firstSequence: 1), T.None));
        Assert.Equal(4, await store.AddAsync([T.Deposit("1", 1, 3), T.Deposit("1", 1)], T.None));
    }

    [Fact]
    [Trait("Rule", "B-APP-3")]
    public async Task B_APP_3_WrongSequenceNumberIsVersionMismatch_ExpectedIsStreamsActualIsMessages_NothingWritten()
    {
        await using LodeEventStore store = await T.Open(_provider);
        _ = await store.AddAsync(T.Deposits("1", 2), T.None);
        EventMessage wrong = T.Deposit("1", 9, sequence: 7);
        StoreVersionMismatchException e = await Assert.ThrowsAsync<StoreVersionMismatchException>(() => store.AddAsync([T.Deposit("1", 1), wrong], T.None));
        Assert.Equal(4, e.ExpectedVersion);
        Assert.Equal(7, e.ActualVersion);
        Assert.Equal(wrong.Metadata.Message.Id, e.MessageId);
        Assert.Same(wrong.Metadata, e.Metadata);
        Assert.Equal("EventStores/BankAccount/1", e.StoreId);
        Assert.Equal(2, await store.VersionAsync(T.None));
    }

    [Fact]
    [Trait("Rule", "B-APP-5")]
    public async Task B_APP_5_ABatchWithAnInvalidThirdMessageWritesNothing()
    {
        await using LodeEventStore store = await T.Open(_provider);
        _ = await store.AddAsync([T.Deposit("1", 1)], T.None);
        LodeStore native = store.NativeStore;
        _ = Assert.ThrowsAny<Exception>(() => native.Append(T.Batch(T.Raw("a1"), T.Raw("a2"), Encoding.UTF8.GetBytes("{not json"))));
        Assert.Equal(1, await store.VersionAsync(T.None));
        Assert.Single(await _provider.ReadLogAsync(1, 100, T.None));
    }

    [Fact]
    [Trait("Rule", "B-APP-6")]
    public async Task B_APP_6_ResendingTheSameBatchIsARetryThatWritesNothing()
    {
        await using LodeEventStore store = await T.Open(_provider);
        EventMessage[] batch = T.Deposits("1", 3);
        Assert.Equal(3, await store.AddAsync(batch, T.None));
        _ = await store.AddAsync([T.Deposit("1", 1)], T.None);
        Assert.Equal(3, await store.AddAsync(batch, T.None));
        Assert.Equal(4, await store.VersionAsync(T.None));
    }

    [Fact]
    [Trait("Rule", "B-APP-6")]
    public async Task B_APP_6_ReusingAnIdOutsideARetryIsDuplicateIdempotencyId()
    {
        await using LodeEventStore store = await T.Open(_provider);
        EventMessage first = T.Deposit("1", 1);
        _ = await store.AddAsync([first, T.Deposit("1", 2)], T.None);
        EventMessage reuse = first with { Event = new FundsDeposited("1", 99, DateTimeOffset.UnixEpoch) };
        DuplicateEventStoreIdempotencyIdException e = await Assert.ThrowsAsync<DuplicateEventStoreIdempotencyIdException>(() => store.AddAsync([T.Deposit("1", 3), reuse], T.None));
        Assert.Equal(first.Metadata.Message.Id, e.IdempotencyId);
        Assert.Equal("EventStores/BankAccount/1", e.StreamId);
        Assert.Same(reuse, e.Event);
        Assert.Equal(2, await store.VersionAsync(T.None));
    }

    [Fact]
    [Trait("Rule", "B-APP-7")]
    public async Task B_APP_7_TheStoreRecordsItsOwnTime_TheClientsCreatedDateIsKept()
    {
        using TempDirectory dir = new();
        DateTimeOffset past = new(2001, 2, 3, 4, 5, 6, TimeSpan.FromHours(2));
        using LodeEventStoreProvider provider = T.Provider(dir, time: new FixedTimeProvider(past));
        await using LodeEventStore store = await T.Open(provider);
        DateTimeOffset before = DateTimeOffset.UtcNow.AddSeconds(-1);
        _ = await store.AddAsync([new FundsDeposited("1", 5, past).CreateMessage(timeProvider: new FixedTimeProvider(past))], T.None);
        LogRecord record = (await provider.ReadLogAsync(1, 10, T.None)).Single();
        Assert.InRange(record.RecordedAt, before, DateTimeOffset.UtcNow.AddSeconds(1));
        Assert.Equal(past, record.Message.Metadata.Message.CreatedDate);
        Assert.Equal(1, record.Position);
    }

    [Fact]
    [Trait("Rule", "B-APP-8")]
    public async Task B_APP_8_AMessageWithoutMessageNameIsRefusedNamingTheIndex_NothingWritten()
    {
        await using LodeEventStore store = await T.Open(_provider);
        byte[] noName = Encoding.UTF8.GetBytes("""{"Event":{"$type":"FundsDeposited"},"Metadata":{"Message":{"Id":"x","Version":1,"Domain":{"Id":"1","Name":"BankAccount"}},"Context":{"CorrelationId":"x","UserId":"u","PartitionId":"default","Scopes":[]}}}""");
        Exception e = Assert.ThrowsAny<Exception>(() => store.NativeStore.Append(T.Batch(T.Raw("ok"), noName)));
        Assert.True(e is LodeArgumentException or LodeSerializationException, e.GetType().Name);
        Assert.Contains("1", e.Message, StringComparison.Ordinal);
        Assert.Contains("Name", e.Message, StringComparison.Ordinal);
        Assert.Equal(0, await store.VersionAsync(T.None));
    }

    // -- read ------------------------------------------------------------------------------------

    [Fact]
    [Trait("Rule", "B-RD-1")]
    public async Task B_RD_1_ReadAllInVersionOrder_EmptyOrUnknownStreamIsEmpty()
    {
        await using LodeEventStore store = await T.Open(_provider);
        Assert.Empty(await store.GetAsync(T.None));
        _ = await store.AddAsync(T.Deposits("1", 5), T.None);
        Assert.Equal([1m, 2, 3, 4, 5], (await store.GetAsync(T.None)).Select(m => ((FundsDeposited)m.Event).Amount));
        await using LodeEventStore unknown = await T.Open(_provider, id: "never");
        Assert.Empty(await unknown.GetAsync(false, T.None));
    }

    [Fact]
    [Trait("Rule", "B-RD-2")]
    public async Task B_RD_2_ReadWithSnapshotStartsFromTheLatestSnapshot_WithoutOneItIsTheSame()
    {
        await using LodeEventStore store = await T.Open(_provider);
        _ = await store.AddAsync(T.Deposits("1", 5), T.None);
        Assert.Equal(5, (await store.GetAsync(true, T.None)).Count());
        await store.SnapshotAsync(3, new BankAccountState("1", 6, 3).CreateMessage(), T.None);
        List<EventMessage> read = [.. await store.GetAsync(T.None)];
        Assert.Equal(3, read.Count);
        Assert.IsType<BankAccountState>(read[0].Event);
        Assert.Equal([4L, 5], read.Skip(1).Select(m => m.Metadata.Context.SequenceNumber!.Value));
        Assert.Equal(5, (await store.GetAsync(false, T.None)).Count());
    }

    [Fact]
    [Trait("Rule", "B-RD-3")]
    public async Task B_RD_3_ReadUpToVersion_ZeroIsEmpty_PastTheEndIsStreamVersionNotFound_SnapshotAtOrBelowOnly()
    {
        await using LodeEventStore store = await T.Open(_provider);
        _ = await store.AddAsync(T.Deposits("1", 6), T.None);
        await store.SnapshotAsync(2, new BankAccountState("1", 3, 2).CreateMessage(), T.None);
        await store.SnapshotAsync(5, new BankAccountState("1", 15, 5).CreateMessage(), T.None);
        Assert.Empty(await store.GetAsync(0, true, T.None));
        Assert.Equal([1L, 2, 3, 4], (await store.GetAsync(4, false, T.None)).Select(m => m.Metadata.Context.SequenceNumber!.Value));
        List<EventMessage> upTo4 = [.. await store.GetAsync(4, true, T.None)];
        Assert.Equal(2, ((BankAccountState)upTo4[0].Event).Events);
        Assert.Equal(3, upTo4.Count);
        StreamVersionNotFoundException e = await Assert.ThrowsAsync<StreamVersionNotFoundException>(() => store.GetAsync(7, true, T.None));
        Assert.Equal(7, e.Version);
        Assert.Equal(6, e.CurrentVersion);
    }

    [Fact]
    [Trait("Rule", "B-RD-4")]
    public async Task B_RD_4_SliceIsInclusive_OutOfRangePartsAreAbsent_FirstBelow1IsInvalid()
    {
        await using LodeEventStore store = await T.Open(_provider);
        _ = await store.AddAsync(T.Deposits("1", 10), T.None);
        Assert.Equal([5L, 6, 7], (await store.GetSliceAsync(5, 7, T.None)).Select(m => m.Metadata.Context.SequenceNumber!.Value));
        Assert.Empty(await store.GetSliceAsync(15, 20, T.None));
        Assert.Equal(6, (await store.GetSliceAsync(5, 100, T.None)).Count());
        Assert.Empty(await store.GetSliceAsync(7, 5, T.None));
        _ = await Assert.ThrowsAsync<LodeArgumentException>(() => store.GetSliceAsync(0, 5, T.None));
    }

    [Fact]
    [Trait("Rule", "B-RD-5")]
    public async Task B_RD_5_VersionIsTheCurrentVersion_ZeroWhenEmpty()
    {
        await using LodeEventStore store = await T.Open(_provider);
        Assert.Equal(0, await store.VersionAsync(T.None));
        _ = await store.AddAsync(T.Deposits("1", 5), T.None);
        Assert.Equal(5, await store.VersionAsync(T.None));
    }

    [Fact]
    [Trait("Rule", "B-RD-6")]
    [Trait("Rule", "R-BAD-3")]
    public async Task B_RD_6_ADamagedStoredRecordIsASerializationErrorNamingStoreAndVersion()
    {
        using TempDirectory dir = new();
        using (LodeEventStoreProvider provider = T.Provider(dir))
        {
            await using LodeEventStore store = await T.Open(provider);
            _ = await store.AddAsync([T.Deposit("1", 1)], T.None);
            _ = store.NativeStore.Append(T.Batch(T.Raw("m2", eventBody: "\"Note\":\"CORRUPTME-0123456789\"")));
        }

        // Every copy of the marker is damaged: besides the live record, the unused part of an
        // unrelated page may hold a stale copy (LMDB reuses page buffers without clearing
        // them), and which copy comes first in the file depends on the layout.
        string data = Path.Combine(dir.Path, "data.mdb");
        byte[] bytes = await File.ReadAllBytesAsync(data);
        byte[] marker = Encoding.ASCII.GetBytes("CORRUPTME-0123456789");
        int copies = 0;
        for (int at = bytes.AsSpan().IndexOf(marker); at >= 0; at = bytes.AsSpan().IndexOf(marker))
        {
            bytes[at + 3] = (byte)'X';
            copies++;
        }

        Assert.True(copies >= 1, "the marker is stored in data.mdb");
        await File.WriteAllBytesAsync(data, bytes);

        using LodeEventStoreProvider reopened = T.Provider(dir);
        await using LodeEventStore damaged = await T.Open(reopened);
        LodeSerializationException e = await Assert.ThrowsAsync<LodeSerializationException>(() => damaged.GetAsync(false, T.None));
        Assert.Contains("EventStores/BankAccount/1", e.Message, StringComparison.Ordinal);
        Assert.Equal(2, e.Version);
    }

    [Fact]
    [Trait("Rule", "B-RD-6")]
    public async Task B_RD_6_AStoredMessageOfAnUnknownTypeIsASerializationErrorNamingTheStore()
    {
        await using LodeEventStore store = await T.Open(_provider);
        _ = store.NativeStore.Append(T.Batch(T.Raw("u1", name: "NobodyRegisteredThis")));
        LodeSerializationException e = await Assert.ThrowsAsync<LodeSerializationException>(() => store.GetAsync(T.None));
        Assert.Contains("EventStores/BankAccount/1", e.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<System.Text.Json.JsonException>(e.InnerException);
    }

    // -- snapshots ------------------------------------------------------------------------------

    [Fact]
    [Trait("Rule", "B-SNP-1")]
    public async Task B_SNP_1_SnapshotBetween1AndCurrent_ReplacedAtTheSameVersion_OutsideIsStreamVersionNotFound()
    {
        await using LodeEventStore store = await T.Open(_provider);
        _ = await store.AddAsync(T.Deposits("1", 3), T.None);
        await store.SnapshotAsync(3, new BankAccountState("1", 1, 3).CreateMessage(), T.None);
        await store.SnapshotAsync(3, new BankAccountState("1", 2, 3).CreateMessage(), T.None);
        Assert.Equal(2m, ((BankAccountState)(await store.GetAsync(T.None)).First().Event).Balance);
        _ = await Assert.ThrowsAsync<StreamVersionNotFoundException>(() => store.SnapshotAsync(4, new BankAccountState("1", 0, 4).CreateMessage(), T.None));
        _ = await Assert.ThrowsAsync<StreamVersionNotFoundException>(() => store.SnapshotAsync(0, new BankAccountState("1", 0, 0).CreateMessage(), T.None));
    }

    [Fact]
    [Trait("Rule", "B-SNP-2")]
    public async Task B_SNP_2_SnapshotVersionsAscending_LastIsZeroWhenNone()
    {
        await using LodeEventStore store = await T.Open(_provider);
        _ = await store.AddAsync(T.Deposits("1", 9), T.None);
        Assert.Equal(0, await store.LastSnapshotVersionAsync(T.None));
        Assert.Empty(await store.SnapshotVersionsAsync(T.None));
        foreach (long v in new long[] { 6, 2, 9 })
        {
            await store.SnapshotAsync(v, new BankAccountState("1", v, (int)v).CreateMessage(), T.None);
        }

        Assert.Equal([2L, 6, 9], await store.SnapshotVersionsAsync(T.None));
        Assert.Equal(9, await store.LastSnapshotVersionAsync(T.None));
    }

    [Fact]
    [Trait("Rule", "B-SNP-3")]
    public async Task B_SNP_3_ClearOneAndClearAll_AbsentIsSnapshotVersionNotFound_EventsUntouched()
    {
        await using LodeEventStore store = await T.Open(_provider);
        _ = await store.AddAsync(T.Deposits("1", 4), T.None);
        await store.SnapshotAsync(2, new BankAccountState("1", 3, 2).CreateMessage(), T.None);
        await store.SnapshotAsync(4, new BankAccountState("1", 10, 4).CreateMessage(), T.None);
        await store.ClearSnapshotAsync(4, T.None);
        Assert.Equal([2L], await store.SnapshotVersionsAsync(T.None));
        Assert.Equal(2, await store.LastSnapshotVersionAsync(T.None));
        StreamSnapshotVersionNotFoundException e = await Assert.ThrowsAsync<StreamSnapshotVersionNotFoundException>(() => store.ClearSnapshotAsync(4, T.None));
        Assert.Equal(4, e.Version);
        Assert.Equal("EventStores/BankAccount/1", e.StreamId);
        await store.ClearSnapshotsAsync(T.None);
        Assert.Empty(await store.SnapshotVersionsAsync(T.None));
        Assert.Equal(4, (await store.GetAsync(T.None)).Count());
    }

    [Fact]
    [Trait("Rule", "B-SNP-4")]
    public async Task B_SNP_4_SnapshotAllCallsTheFunctionWithWhatReadWithSnapshotGives()
    {
        await using LodeEventStore store = await T.Open(_provider);
        _ = await store.AddAsync(T.Deposits("1", 7), T.None);
        await store.SnapshotAsync(2, new BankAccountState("1", 3, 2).CreateMessage(), T.None);
        List<int> seen = [];
        await store.SnapshotAllAsync(
            2,
            events =>
            {
                List<EventMessage> list = [.. events];
                seen.Add(list.Count);
                decimal balance = list.Sum(m => m.Event switch { BankAccountState s => s.Balance, FundsDeposited d => d.Amount, _ => 0 });
                return new BankAccountState("1", balance, list.Count).CreateMessage();
            },
            T.None);
        Assert.Equal([3, 3], seen);
        Assert.Equal([2L, 4, 6], await store.SnapshotVersionsAsync(T.None));
        Assert.Equal(21m, ((BankAccountState)(await store.GetAsync(6, true, T.None)).First().Event).Balance);
        _ = await Assert.ThrowsAsync<LodeArgumentException>(() => store.SnapshotAllAsync(0, e => e.First(), T.None));
    }

    [Fact]
    [Trait("Rule", "B-SNP-4")]
    public async Task B_SNP_4_AnExceptionOfTheSnapshotFunctionStopsTheWalkAndIsRethrown()
    {
        await using LodeEventStore store = await T.Open(_provider);
        _ = await store.AddAsync(T.Deposits("1", 4), T.None);
        InvalidTimeZoneException e = await Assert.ThrowsAsync<InvalidTimeZoneException>(() => store.SnapshotAllAsync(2, _ => throw new InvalidTimeZoneException("boom"), T.None));
        Assert.Equal("boom", e.Message);
        Assert.Empty(await store.SnapshotVersionsAsync(T.None));
    }

    // -- errors, disposal and cancellation --------------------------------------------------------

    [Fact]
    public async Task DisposedStoreGivesObjectDisposedException_OnEveryCall()
    {
        LodeEventStore store = await T.Open(_provider);
        await store.DisposeAsync();
        _ = await Assert.ThrowsAnyAsync<ObjectDisposedException>(() => store.AddAsync([T.Deposit("1", 1)], T.None));
        _ = await Assert.ThrowsAnyAsync<ObjectDisposedException>(() => store.GetAsync(T.None));
        _ = await Assert.ThrowsAnyAsync<ObjectDisposedException>(() => store.GetSliceAsync(1, 2, T.None));
        _ = await Assert.ThrowsAnyAsync<ObjectDisposedException>(() => store.VersionAsync(T.None));
        _ = await Assert.ThrowsAnyAsync<ObjectDisposedException>(() => store.SnapshotVersionsAsync(T.None));
        _ = await Assert.ThrowsAnyAsync<ObjectDisposedException>(() => store.OpenAsync(T.None));
        store.Close();
    }

    [Fact]
    public async Task DisposedProviderGivesObjectDisposedException_ItsStoresStayUsable()
    {
        using TempDirectory dir = new();
        LodeEventStoreProvider provider = T.Provider(dir);
        await using LodeEventStore store = await T.Open(provider);
        provider.Dispose();
        _ = await Assert.ThrowsAnyAsync<ObjectDisposedException>(() => provider.OpenStoreAsync("BankAccount", "2", T.None));
        Assert.Equal(1, await store.AddAsync([T.Deposit("1", 1)], T.None));
    }

    [Fact]
    public async Task EveryMethodChecksItsTokenBeforeTheNativeCall()
    {
        await using LodeEventStore store = await T.Open(_provider);
        using CancellationTokenSource cts = new();
        await cts.CancelAsync();
        _ = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.AddAsync([T.Deposit("1", 1)], cts.Token));
        _ = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.GetAsync(cts.Token));
        _ = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.SnapshotAsync(1, T.Deposit("1", 1), cts.Token));
        _ = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.VersionAsync(cts.Token));
        _ = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _provider.OpenStoreAsync("BankAccount", "2", cts.Token));
        _ = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _provider.ReadLogAsync(1, 10, cts.Token));
        Assert.Equal(0, await store.VersionAsync(T.None));
    }

    [Fact]
    public async Task ShortCallsCompleteSynchronously()
    {
        await using LodeEventStore store = await T.Open(_provider);
        Task<long> add = store.AddAsync([T.Deposit("1", 1)], T.None);
        Assert.True(add.IsCompletedSuccessfully);
        Task<IEnumerable<EventMessage>> get = store.GetAsync(T.None);
        Assert.True(get.IsCompletedSuccessfully);
        Task<IEventStore> open = _provider.OpenStoreAsync("BankAccount", "sync", T.None);
        Assert.True(open.IsCompletedSuccessfully);
        (await open).Dispose();
    }
}
