namespace Lode.Interop;

using System.Runtime.InteropServices;

/// <summary>
/// The backup and verify functions of <c>liblode</c> (docs/backup.md).
/// </summary>
internal static unsafe partial class NativeMethods
{
    [LibraryImport(Library, EntryPoint = "lode_provider_backup")]
    internal static partial int ProviderBackup(ProviderHandle provider, byte* path, nuint pathLength, byte* options, nuint optionsLength, delegate* unmanaged[Cdecl]<nint, long, long, int> progress, nint userData, out BufferHandle info, out nint error);

    [LibraryImport(Library, EntryPoint = "lode_provider_verify")]
    internal static partial int ProviderVerify(ProviderHandle provider, out BufferHandle report, out nint error);

    [LibraryImport(Library, EntryPoint = "lode_verify")]
    internal static partial int Verify(byte* path, nuint pathLength, out BufferHandle report, out nint error);

    [LibraryImport(Library, EntryPoint = "lode_provider_check_backup")]
    internal static partial int ProviderCheckBackup(ProviderHandle provider, byte* path, nuint pathLength, out BufferHandle report, out nint error);
}
