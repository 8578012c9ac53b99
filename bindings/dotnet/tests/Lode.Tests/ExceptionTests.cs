namespace Lode.Tests;

using System.Runtime.InteropServices;

using Hexalith.Commons.Metadatas;
using Hexalith.EventStores;
using Hexalith.EventStores.Exceptions;

using Lode.Interop;

/// <summary>
/// Every exception type: the reference's constructors and properties, and each status code of
/// the C ABI mapped to its type with the error's fields.
/// </summary>
public sealed class ExceptionTests
{
    private static readonly Metadata _metadata = new FundsDeposited("9", 1, DateTimeOffset.UnixEpoch).CreateMessage(sequenceNumber: 7).Metadata;

    [Fact]
    public void ReferenceConstructorsAndProperties()
    {
        StoreVersionMismatchException vm = new(_metadata, 4);
        Assert.Equal(4, vm.ExpectedVersion);
        Assert.Equal(7, vm.ActualVersion);
        Assert.Same(_metadata, vm.Metadata);
        Assert.Contains("BankAccount/9", vm.Message, StringComparison.Ordinal);

        StoreNotOpenException notOpen = new("db/n/i", "s1");
        Assert.Equal(("db/n/i", "s1"), (notOpen.StoreId, notOpen.SessionId));

        DateTimeOffset when = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);
        StoreSessionExpiredException expired = new("db/n/i", "s1", when);
        Assert.Equal(("db/n/i", "s1", (DateTimeOffset?)when), (expired.StoreId, expired.SessionId, expired.Expiration));

        InvalidStoreSessionException invalid = new("db/n/i", "s1", "s2");
        Assert.Equal(("db/n/i", "s1", "s2"), (invalid.StoreId, invalid.SessionId, invalid.ExpectedSession));

        OpenStoreFailedException open = new("db/n/i", TimeSpan.FromSeconds(5));
        Assert.Equal(("db/n/i", (TimeSpan?)TimeSpan.FromSeconds(5)), (open.StoreId, open.Timeout));

        StreamVersionNotFoundException svnf = new("db/n/i", 3);
        Assert.Equal(("db/n/i", 3L), (svnf.StreamId, svnf.Version));

        StreamSnapshotVersionNotFoundException ssvnf = new("db/n/i", 3);
        Assert.Equal(("db/n/i", 3L), (ssvnf.StreamId, ssvnf.Version));

        StreamIdempotencyIdNotFoundException inf = new("db/n/i", "x");
        Assert.Equal(("db/n/i", "x"), (inf.StreamId, inf.IdempotencyId));

        EventMessage ev = new FundsDeposited("9", 1, DateTimeOffset.UnixEpoch).CreateMessage();
        DuplicateEventStoreIdempotencyIdException dup = new(ev);
        Assert.Same(ev, dup.Event);
        Assert.Equal(ev.Metadata.Message.Id, dup.IdempotencyId);

        Exception inner = new InvalidOperationException("inner");
        Exception[] standard =
        [
            new StoreVersionMismatchException(), new StoreVersionMismatchException("m"), new StoreVersionMismatchException("m", inner),
            new StoreNotOpenException(), new StoreNotOpenException("m"), new StoreNotOpenException("m", inner),
            new StoreSessionExpiredException(), new StoreSessionExpiredException("m"), new StoreSessionExpiredException("m", inner),
            new InvalidStoreSessionException(), new InvalidStoreSessionException("m"), new InvalidStoreSessionException("m", inner),
            new OpenStoreFailedException(), new OpenStoreFailedException("m"), new OpenStoreFailedException("m", inner),
            new StreamVersionNotFoundException(), new StreamVersionNotFoundException("m"), new StreamVersionNotFoundException("m", inner),
            new StreamSnapshotVersionNotFoundException(), new StreamSnapshotVersionNotFoundException("m"), new StreamSnapshotVersionNotFoundException("m", inner),
            new StreamIdempotencyIdNotFoundException(), new StreamIdempotencyIdNotFoundException("m"), new StreamIdempotencyIdNotFoundException("m", inner),
            new DuplicateEventStoreIdempotencyIdException(), new DuplicateEventStoreIdempotencyIdException("m"), new DuplicateEventStoreIdempotencyIdException("m", inner),
        ];
        Assert.Equal(9, standard.Where((_, i) => i % 3 == 2).Count(e => ReferenceEquals(e.InnerException, inner)));
        Assert.Equal(string.Empty, new StreamVersionNotFoundException().StreamId);
        Assert.Equal(string.Empty, new StreamIdempotencyIdNotFoundException("m").IdempotencyId);
    }

    [Theory]
    [InlineData(1, typeof(StoreVersionMismatchException))]
    [InlineData(2, typeof(StoreNotOpenException))]
    [InlineData(3, typeof(StoreSessionExpiredException))]
    [InlineData(4, typeof(InvalidStoreSessionException))]
    [InlineData(5, typeof(OpenStoreFailedException))]
    [InlineData(6, typeof(StreamVersionNotFoundException))]
    [InlineData(7, typeof(StreamSnapshotVersionNotFoundException))]
    [InlineData(8, typeof(StreamIdempotencyIdNotFoundException))]
    [InlineData(9, typeof(DuplicateEventStoreIdempotencyIdException))]
    [InlineData(10, typeof(LodeArgumentException))]
    [InlineData(11, typeof(LodeSerializationException))]
    [InlineData(12, typeof(LodeStorageException))]
    [InlineData(13, typeof(LodeObjectDisposedException))]
    [InlineData(14, typeof(LodeInternalException))]
    public void EachStatusCodeHasItsExceptionType_WithStatusKindAndDetailsInData(int status, Type type)
    {
        Exception e = LodeErrors.FromDetails(status, "A sentence.", $$"""{"kind":"K{{status}}"}""");
        Assert.IsType(type, e);
        Assert.Equal("A sentence.", e.Message.Split(" (Parameter")[0]);
        Assert.Equal(status, e.Data[LodeErrors.StatusKey]);
        Assert.Equal($"K{status}", e.Data[LodeErrors.KindKey]);
        Assert.NotEqual("LODE_UNKNOWN", LodeErrors.StatusName(status));
    }

    [Fact]
    public void FieldsOfEachKindBecomeProperties()
    {
        var vm = (StoreVersionMismatchException)LodeErrors.FromDetails(1, "m", """{"kind":"VersionMismatch","store_id":"d/n/i","expected_version":4,"actual_version":7,"message_id":"x"}""");
        Assert.Equal(("d/n/i", 4L, 7L, "x"), (vm.StoreId, vm.ExpectedVersion, vm.ActualVersion, vm.MessageId));
        var se = (StoreSessionExpiredException)LodeErrors.FromDetails(3, "m", """{"store_id":"d/n/i","session_id":"s","expired_at_us":1767225600000000}""");
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), se.Expiration);
        var of = (OpenStoreFailedException)LodeErrors.FromDetails(5, "m", """{"store_id":"d/n/i","timeout_ms":250,"holder_session_id":"h","holder_pid":42,"holder_expires_at_us":1767225600000000}""");
        Assert.Equal((TimeSpan.FromMilliseconds(250), "h", 42), (of.Timeout!.Value, of.HolderSessionId!, of.HolderProcessId!.Value));
        var sv = (StreamVersionNotFoundException)LodeErrors.FromDetails(6, "m", """{"store_id":"d/n/i","version":9,"current_version":3}""");
        Assert.Equal(("d/n/i", 9L, (long?)3), (sv.StoreId, sv.Version, sv.CurrentVersion));
        var ia = (LodeArgumentException)LodeErrors.FromDetails(10, "m", """{"argument":"name","reason":"it is empty"}""");
        Assert.Equal(("name", "it is empty"), (ia.ParamName, ia.Reason));
        var sz = (LodeSerializationException)LodeErrors.FromDetails(11, "m", """{"key":"store 'd/n/i' version 2","version":2,"reason":"crc"}""");
        Assert.Equal(("store 'd/n/i' version 2", (long?)2, "crc"), (sz.Key, sz.Version, sz.Reason));
        var st = (LodeStorageException)LodeErrors.FromDetails(12, "m", """{"operation":"appending","backend":"os","storage_code":28,"storage_code_name":"ENOSPC","storage_text":"No space left on device"}""");
        Assert.Equal(("appending", "os", (int?)28, "ENOSPC", "No space left on device"), (st.Operation, st.Backend, st.StorageCode, st.StorageCodeName, st.StorageText));
        StorageCauseException cause = Assert.IsType<StorageCauseException>(st.InnerException);
        Assert.Equal((28, "No space left on device", "os", "ENOSPC"), (cause.ErrorCode, cause.Message, cause.Backend!, cause.CodeName!));
        Assert.IsAssignableFrom<ExternalException>(cause);
        var closed = (LodeObjectDisposedException)LodeErrors.FromDetails(13, "m", """{"object":"store handle"}""");
        Assert.Equal("store handle", closed.ObjectName);
        var internalError = (LodeInternalException)LodeErrors.FromDetails(14, "m", """{"detail":"panic"}""");
        Assert.Equal("panic", internalError.Detail);
        var dup = (DuplicateEventStoreIdempotencyIdException)LodeErrors.FromDetails(9, "m", """{"scope":"this event store","id":"c"}""");
        Assert.Equal(("this event store", "c"), (dup.StreamId, dup.IdempotencyId));
    }

    [Fact]
    [Trait("Rule", "R-BAD-1")]
    public async Task StorageErrorFromTheLibrary_KeepsTheOsErrorAsInnerException()
    {
        using TempDirectory dir = new();
        string file = Path.Combine(dir.Path, "not-a-directory");
        await File.WriteAllTextAsync(file, "x");
        LodeStorageException e = Assert.Throws<LodeStorageException>(() => new LodeEventStoreProvider(file));
        StorageCauseException cause = Assert.IsType<StorageCauseException>(e.InnerException);
        Assert.False(string.IsNullOrEmpty(cause.Backend));
        Assert.False(string.IsNullOrEmpty(cause.CodeName));
        Assert.False(string.IsNullOrEmpty(e.StorageText));
        Assert.Equal(12, e.Data[LodeErrors.StatusKey]);
    }
}
