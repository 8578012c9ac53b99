namespace Lode.Interop;

using System.Runtime.InteropServices;

/// <summary>
/// Every function exported by <c>liblode</c> (include/lode.h, C ABI version 1). Strings are
/// passed as UTF-8 pointer + length; <c>lode_error **</c> is a raw pointer that
/// <see cref="LodeErrors"/> reads and frees.
/// </summary>
internal static unsafe partial class NativeMethods
{
    internal const string Library = "lode";

    internal const int Ok = 0;

    internal const long Default = -1;

    // -- buffers --------------------------------------------------------------------------

    [LibraryImport(Library, EntryPoint = "lode_buffer_item")]
    internal static partial int BufferItem(BufferHandle buffer, nuint index, out byte* data, out nuint length);

    [LibraryImport(Library, EntryPoint = "lode_buffer_message")]
    internal static partial int BufferMessage(BufferHandle buffer, nuint index, out byte* data, out nuint length);

    [LibraryImport(Library, EntryPoint = "lode_buffer_data")]
    internal static partial byte* BufferData(BufferHandle buffer);

    [LibraryImport(Library, EntryPoint = "lode_buffer_len")]
    internal static partial nuint BufferLength(BufferHandle buffer);

    [LibraryImport(Library, EntryPoint = "lode_buffer_count")]
    internal static partial nuint BufferCount(BufferHandle buffer);

    [LibraryImport(Library, EntryPoint = "lode_buffer_write")]
    internal static partial int BufferWrite(nint buffer, byte* data, nuint length);

    [LibraryImport(Library, EntryPoint = "lode_buffer_message_offsets")]
    internal static partial nuint* BufferMessageOffsets(BufferHandle buffer);

    [LibraryImport(Library, EntryPoint = "lode_buffer_free")]
    internal static partial void BufferFree(nint buffer);

    // -- errors ---------------------------------------------------------------------------

    [LibraryImport(Library, EntryPoint = "lode_error_code")]
    internal static partial int ErrorCode(nint error);

    [LibraryImport(Library, EntryPoint = "lode_error_message")]
    internal static partial byte* ErrorMessage(nint error);

    [LibraryImport(Library, EntryPoint = "lode_error_details")]
    internal static partial byte* ErrorDetails(nint error);

    [LibraryImport(Library, EntryPoint = "lode_error_free")]
    internal static partial void ErrorFree(nint error);

    [LibraryImport(Library, EntryPoint = "lode_status_name")]
    internal static partial byte* StatusName(int status);

    // -- library --------------------------------------------------------------------------

    [LibraryImport(Library, EntryPoint = "lode_set_log_callback")]
    internal static partial int SetLogCallback(delegate* unmanaged[Cdecl]<nint, int, byte*, byte*, byte*, void> callback, nint userData, int maxLevel, out nint error);

    [LibraryImport(Library, EntryPoint = "lode_version")]
    internal static partial byte* Version();

    [LibraryImport(Library, EntryPoint = "lode_abi_version")]
    internal static partial uint AbiVersion();

    // -- provider -------------------------------------------------------------------------

    [LibraryImport(Library, EntryPoint = "lode_provider_open")]
    internal static partial int ProviderOpen(byte* path, nuint pathLength, byte* settings, nuint settingsLength, out ProviderHandle provider, out nint error);

    [LibraryImport(Library, EntryPoint = "lode_upgrade_directory")]
    internal static partial int UpgradeDirectory(byte* path, nuint pathLength, byte* settings, nuint settingsLength, out uint fromFormat, out nint error);

    [LibraryImport(Library, EntryPoint = "lode_provider_close")]
    internal static partial int ProviderClose(nint provider, out nint error);

    [LibraryImport(Library, EntryPoint = "lode_provider_read_log")]
    internal static partial int ProviderReadLog(ProviderHandle provider, long fromPosition, long max, out BufferHandle buffer, out nint error);

    [LibraryImport(Library, EntryPoint = "lode_provider_events_by_type")]
    internal static partial int ProviderEventsByType(ProviderHandle provider, byte* eventType, nuint eventTypeLength, long eventVersion, long fromPosition, long max, out BufferHandle buffer, out nint error);

    [LibraryImport(Library, EntryPoint = "lode_provider_events_by_time")]
    internal static partial int ProviderEventsByTime(ProviderHandle provider, long fromMicroseconds, long toMicroseconds, long max, out BufferHandle buffer, out nint error);

    [LibraryImport(Library, EntryPoint = "lode_provider_events_by_correlation")]
    internal static partial int ProviderEventsByCorrelation(ProviderHandle provider, byte* correlationId, nuint correlationIdLength, long fromPosition, long max, out BufferHandle buffer, out nint error);

    [LibraryImport(Library, EntryPoint = "lode_provider_stream_events_since")]
    internal static partial int ProviderStreamEventsSince(ProviderHandle provider, byte* database, nuint databaseLength, byte* name, nuint nameLength, byte* id, nuint idLength, long sinceVersion, long max, out BufferHandle buffer, out nint error);

    [LibraryImport(Library, EntryPoint = "lode_provider_command_processed")]
    internal static partial int ProviderCommandProcessed(ProviderHandle provider, byte* commandId, nuint commandIdLength, [MarshalAs(UnmanagedType.U1)] out bool processed, out nint error);

    [LibraryImport(Library, EntryPoint = "lode_provider_command_record")]
    internal static partial int ProviderCommandRecord(ProviderHandle provider, byte* commandId, nuint commandIdLength, out BufferHandle buffer, out nint error);

    // -- store ----------------------------------------------------------------------------

    [LibraryImport(Library, EntryPoint = "lode_store_open")]
    internal static partial int StoreOpen(ProviderHandle provider, byte* database, nuint databaseLength, byte* name, nuint nameLength, byte* id, nuint idLength, long sessionTimeoutMs, long openTimeoutMs, out StoreHandle store, out nint error);

    [LibraryImport(Library, EntryPoint = "lode_store_reopen")]
    internal static partial int StoreReopen(StoreHandle store, long sessionTimeoutMs, long openTimeoutMs, out nint error);

    [LibraryImport(Library, EntryPoint = "lode_store_close")]
    internal static partial int StoreClose(StoreHandle store, out nint error);

    [LibraryImport(Library, EntryPoint = "lode_store_close")]
    internal static partial int StoreCloseRaw(nint store, out nint error);

    [LibraryImport(Library, EntryPoint = "lode_store_free")]
    internal static partial int StoreFree(nint store, out nint error);

    [LibraryImport(Library, EntryPoint = "lode_store_renew")]
    internal static partial int StoreRenew(StoreHandle store, out nint error);

    [LibraryImport(Library, EntryPoint = "lode_store_append")]
    internal static partial int StoreAppend(StoreHandle store, LodeBytes* messages, nuint count, out long version, out nint error);

    [LibraryImport(Library, EntryPoint = "lode_store_append_with_command")]
    internal static partial int StoreAppendWithCommand(StoreHandle store, LodeBytes* messages, nuint count, byte* commandId, nuint commandIdLength, byte* commandType, nuint commandTypeLength, byte* actor, nuint actorLength, out long version, out nint error);

    [LibraryImport(Library, EntryPoint = "lode_store_read")]
    internal static partial int StoreRead(StoreHandle store, [MarshalAs(UnmanagedType.U1)] bool useSnapshot, out BufferHandle buffer, out nint error);

    [LibraryImport(Library, EntryPoint = "lode_store_read_to")]
    internal static partial int StoreReadTo(StoreHandle store, long version, [MarshalAs(UnmanagedType.U1)] bool useSnapshot, out BufferHandle buffer, out nint error);

    [LibraryImport(Library, EntryPoint = "lode_store_slice")]
    internal static partial int StoreSlice(StoreHandle store, long first, long last, out BufferHandle buffer, out nint error);

    [LibraryImport(Library, EntryPoint = "lode_store_version")]
    internal static partial int StoreVersion(StoreHandle store, out long version, out nint error);

    [LibraryImport(Library, EntryPoint = "lode_store_snapshot")]
    internal static partial int StoreSnapshot(StoreHandle store, long version, byte* message, nuint messageLength, out nint error);

    [LibraryImport(Library, EntryPoint = "lode_store_clear_snapshot")]
    internal static partial int StoreClearSnapshot(StoreHandle store, long version, out nint error);

    [LibraryImport(Library, EntryPoint = "lode_store_clear_snapshots")]
    internal static partial int StoreClearSnapshots(StoreHandle store, out nint error);

    [LibraryImport(Library, EntryPoint = "lode_store_snapshot_versions")]
    internal static partial int StoreSnapshotVersions(StoreHandle store, out BufferHandle buffer, out nint error);

    [LibraryImport(Library, EntryPoint = "lode_store_last_snapshot_version")]
    internal static partial int StoreLastSnapshotVersion(StoreHandle store, out long version, out nint error);

    [LibraryImport(Library, EntryPoint = "lode_store_snapshot_all")]
    internal static partial int StoreSnapshotAll(StoreHandle store, long chunkSize, delegate* unmanaged[Cdecl]<nint, long, byte*, nuint, nint, int> callback, nint userData, out nint error);
}

/// <summary>
/// <c>lode_bytes</c>: one message of a batch.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct LodeBytes
{
    public byte* Pointer;
    public nuint Length;
}
