namespace Hexalith.EventStores;

using Lode;

/// <summary>
/// Online backup, verify and the check of a backup (docs/backup.md), as tasks.
/// </summary>
/// <remarks>
/// Each call runs the native call on a dedicated background thread, not on a thread-pool
/// thread: a backup or a verify of a large store blocks its thread for minutes, which would
/// hold a pool worker (and starve the pool under load) for the whole time, and
/// <c>Task.Run</c> wrappers are what the binding avoids. The library calls the progress
/// callback on that same thread (the thread that made the native call, never one of the
/// library's own); it reports to <see cref="IProgress{T}"/>, which for a
/// <see cref="Progress{T}"/> posts to the caller's synchronization context. The thread is a
/// background thread: a process that exits during a backup abandons it, leaving only the
/// <c>.partial-</c> directory.
/// </remarks>
public sealed partial class LodeEventStoreProvider
{
    /// <summary>
    /// Writes a consistent point-in-time copy of this store into the new directory
    /// <paramref name="path"/> while other threads and processes go on appending (K-BAK-1),
    /// and returns what it holds (the log <see cref="BackupInfo.Position"/> it holds, ...).
    /// </summary>
    /// <param name="path">The new backup directory: it must not exist (or be an empty directory), outside the store's directory.</param>
    /// <param name="options">How to copy (the defaults when null).</param>
    /// <param name="progress">Receives the bytes done of the total, at the start, about every 100 ms and at the end.</param>
    /// <param name="cancellationToken">Cancels the backup within about 100 ms; nothing is then left at <paramref name="path"/>.</param>
    /// <returns>What the backup holds.</returns>
    /// <exception cref="OperationCanceledException">The token was cancelled (the partial copy is removed before the task ends).</exception>
    /// <exception cref="LodeArgumentException">The target exists and is not empty, is a file, or lies inside the store.</exception>
    public Task<BackupInfo> BackupAsync(string path, BackupOptions? options = null, IProgress<BackupProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return OnDedicatedThread(
            "lode backup",
            cancellationToken,
            abandonOnCancel: false,
            () => _provider.Backup(path, options, p =>
            {
                progress?.Report(p);
                return !cancellationToken.IsCancellationRequested;
            }));
    }

    /// <summary>
    /// Checks every invariant of this store in one read snapshot and reports what it found
    /// (counts, the first problems with their stream, version and position). Damage is
    /// reported, never repaired.
    /// </summary>
    /// <param name="cancellationToken">Stops waiting (the check itself runs to its end on its thread).</param>
    /// <returns>The report.</returns>
    public Task<VerifyReport> VerifyAsync(CancellationToken cancellationToken = default)
        => OnDedicatedThread("lode verify", cancellationToken, abandonOnCancel: true, _provider.Verify);

    /// <summary>
    /// Checks every invariant of the store in the directory <paramref name="path"/>, whether
    /// or not a process has it open; nothing is created there.
    /// </summary>
    /// <param name="path">The store directory.</param>
    /// <param name="cancellationToken">Stops waiting (the check itself runs to its end on its thread).</param>
    /// <returns>The report.</returns>
    public static Task<VerifyReport> VerifyDirectoryAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return OnDedicatedThread("lode verify", cancellationToken, abandonOnCancel: true, () => LodeProvider.VerifyDirectory(path));
    }

    /// <summary>
    /// Checks the backup in <paramref name="path"/> against this store, its source (K-BAK-7):
    /// the copy verifies, its <c>backup.json</c> records the position it holds, and every
    /// event up to that position and every command record is this store's, byte for byte.
    /// </summary>
    /// <param name="path">The backup directory.</param>
    /// <param name="cancellationToken">Stops waiting (the check itself runs to its end on its thread).</param>
    /// <returns>What the check found.</returns>
    public Task<BackupCheck> CheckBackupAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return OnDedicatedThread("lode backup check", cancellationToken, abandonOnCancel: true, () => _provider.CheckBackup(path));
    }

    private static Task<T> OnDedicatedThread<T>(string name, CancellationToken cancellationToken, bool abandonOnCancel, Func<T> work)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<T>(cancellationToken);
        }

        TaskCompletionSource<T> done = new(TaskCreationOptions.RunContinuationsAsynchronously);
        CancellationTokenRegistration registration = abandonOnCancel
            ? cancellationToken.Register(() => done.TrySetCanceled(cancellationToken))
            : default;
        Thread thread = new(() =>
        {
            try
            {
                done.TrySetResult(work());
            }
            catch (LodeCancelledException) when (cancellationToken.IsCancellationRequested)
            {
                done.TrySetCanceled(cancellationToken);
            }
#pragma warning disable CA1031 // Delivered through the task.
            catch (Exception e)
#pragma warning restore CA1031
            {
                done.TrySetException(e);
            }
            finally
            {
                registration.Dispose();
            }
        })
        {
            IsBackground = true,
            Name = name,
        };
        thread.Start();
        return done.Task;
    }
}
