namespace Lode;

using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Runtime.InteropServices;

using Lode.Interop;

/// <summary>
/// Online backup, verify and the check of a backup, on the calling thread (docs/backup.md).
/// </summary>
public sealed unsafe partial class LodeProvider
{
    /// <summary>
    /// Writes a consistent point-in-time copy of this store into the new directory
    /// <paramref name="path"/> while other threads and processes go on appending, and returns
    /// what it holds. Blocks this thread for the whole copy; <paramref name="progress"/> runs on
    /// this thread (at the start, about every 100 ms and at the end) and returns
    /// <see langword="false"/> to cancel. An exception it throws cancels the backup and is
    /// rethrown here. Either way nothing is left at <paramref name="path"/>.
    /// </summary>
    /// <param name="path">The new backup directory (it must not exist, or be empty).</param>
    /// <param name="options">How to copy (the defaults when null).</param>
    /// <param name="progress">Called with the bytes done of the total; <see langword="false"/> cancels.</param>
    /// <returns>What the backup holds.</returns>
    /// <exception cref="LodeCancelledException">The callback returned <see langword="false"/>.</exception>
    /// <exception cref="LodeArgumentException">The target exists and is not empty, is a file, or lies inside the store.</exception>
    public BackupInfo Backup(string path, BackupOptions? options = null, Func<BackupProgress, bool>? progress = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ObjectDisposedException.ThrowIf(_handle.IsClosed, this);
        byte[] json = (options ?? new BackupOptions()).ToJson();
        ProgressState state = new(progress);
        GCHandle gc = GCHandle.Alloc(state);
        try
        {
            Span<byte> scratch = stackalloc byte[512];
            using Utf8Argument p = new(path, scratch);
            fixed (byte* pathPtr = p)
            fixed (byte* optionsPtr = json)
            {
                int status = NativeMethods.ProviderBackup(_handle, pathPtr, p.Length, optionsPtr, (nuint)json.Length, &OnProgress, GCHandle.ToIntPtr(gc), out BufferHandle info, out nint error);
                using (info)
                {
                    if (state.Failure is Exception failure)
                    {
                        NativeMethods.ErrorFree(error);
                        ExceptionDispatchInfo.Throw(failure);
                    }

                    LodeErrors.Check(status, error);
                    return Json.Parse(Bytes(info), $"the info of backup '{path}'", BackupInfo.Parse);
                }
            }
        }
        finally
        {
            gc.Free();
        }
    }

    /// <summary>
    /// Checks every invariant of this store in one read snapshot (every record's CRC, every
    /// stream gap-free, the log and every index agreeing with the streams, command records,
    /// leases and snapshots). Damage is reported, never repaired. Blocks this thread.
    /// </summary>
    /// <returns>The report.</returns>
    public VerifyReport Verify()
    {
        LodeErrors.Check(NativeMethods.ProviderVerify(_handle, out BufferHandle report, out nint error), error);
        using (report)
        {
            return Json.Parse(Bytes(report), $"the verify report of '{Path}'", VerifyReport.Parse);
        }
    }

    /// <summary>
    /// Checks every invariant of the store in the directory <paramref name="path"/>, whether
    /// or not a process has it open. Nothing is created: a directory without a store throws
    /// <see cref="LodeStorageException"/> (storage code name <c>NOT_A_STORE</c>).
    /// </summary>
    /// <param name="path">The store directory.</param>
    /// <returns>The report.</returns>
    public static VerifyReport VerifyDirectory(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        CheckAbi();
        Span<byte> scratch = stackalloc byte[512];
        using Utf8Argument p = new(path, scratch);
        fixed (byte* pathPtr = p)
        {
            LodeErrors.Check(NativeMethods.Verify(pathPtr, p.Length, out BufferHandle report, out nint error), error);
            using (report)
            {
                return Json.Parse(Bytes(report), $"the verify report of '{path}'", VerifyReport.Parse);
            }
        }
    }

    /// <summary>
    /// Checks the backup in <paramref name="path"/> against this store, its source: the copy
    /// verifies, its <c>backup.json</c> records the position it holds, and every event up to
    /// that position and every command record is this store's, byte for byte.
    /// </summary>
    /// <param name="path">The backup directory.</param>
    /// <returns>What the check found.</returns>
    public BackupCheck CheckBackup(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        Span<byte> scratch = stackalloc byte[512];
        using Utf8Argument p = new(path, scratch);
        fixed (byte* pathPtr = p)
        {
            LodeErrors.Check(NativeMethods.ProviderCheckBackup(_handle, pathPtr, p.Length, out BufferHandle report, out nint error), error);
            using (report)
            {
                return Json.Parse(Bytes(report), $"the check of backup '{path}'", BackupCheck.Parse);
            }
        }
    }

    private static ReadOnlySpan<byte> Bytes(BufferHandle buffer)
        => new(NativeMethods.BufferData(buffer), checked((int)NativeMethods.BufferLength(buffer)));

    /// <summary>
    /// The <c>lode_progress_fn</c>: runs on the thread that called <see cref="Backup"/>, inside
    /// the native call; never throws into the library.
    /// </summary>
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int OnProgress(nint userData, long done, long total)
    {
        ProgressState state = (ProgressState)GCHandle.FromIntPtr(userData).Target!;
        try
        {
            return state.Callback is null || state.Callback(new BackupProgress(done, total)) ? 0 : 1;
        }
#pragma warning disable CA1031 // Handed back to the caller of Backup.
        catch (Exception e)
#pragma warning restore CA1031
        {
            state.Failure = e;
            return 1;
        }
    }

    private sealed class ProgressState(Func<BackupProgress, bool>? callback)
    {
        public Func<BackupProgress, bool>? Callback { get; } = callback;

        public Exception? Failure { get; set; }
    }
}
