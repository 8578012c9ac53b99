namespace Lode.Interop;

using System.Runtime.InteropServices;

/// <summary>
/// The subscription and checkpoint functions of <c>liblode</c> (docs/subscriptions.md).
/// </summary>
internal static unsafe partial class NativeMethods
{
    internal const long FromNow = -1;

    internal const long WaitForever = -1;

    [LibraryImport(Library, EntryPoint = "lode_subscription_open")]
    internal static partial int SubscriptionOpen(ProviderHandle provider, long afterPosition, byte* filter, nuint filterLength, long pageSize, out SubscriptionHandle subscription, out nint error);

    [LibraryImport(Library, EntryPoint = "lode_subscription_next")]
    internal static partial int SubscriptionNext(SubscriptionHandle subscription, long maxWaitMs, out BufferHandle buffer, out long position, out nint error);

    [LibraryImport(Library, EntryPoint = "lode_subscription_position")]
    internal static partial int SubscriptionPosition(SubscriptionHandle subscription, out long position, out nint error);

    /// <summary>Takes the raw handle value: it must work while another thread is inside a call with the handle.</summary>
    [LibraryImport(Library, EntryPoint = "lode_subscription_wake")]
    internal static partial int SubscriptionWake(nint subscription, out nint error);

    /// <summary>Takes the raw handle value: it must work while another thread is inside a call with the handle.</summary>
    [LibraryImport(Library, EntryPoint = "lode_subscription_close")]
    internal static partial int SubscriptionClose(nint subscription, out nint error);

    [LibraryImport(Library, EntryPoint = "lode_provider_head_position")]
    internal static partial int ProviderHeadPosition(ProviderHandle provider, out long position, out nint error);

    [LibraryImport(Library, EntryPoint = "lode_provider_wait_for_position")]
    internal static partial int ProviderWaitForPosition(ProviderHandle provider, long position, long timeoutMs, [MarshalAs(UnmanagedType.U1)] out bool reached, out nint error);

    [LibraryImport(Library, EntryPoint = "lode_provider_checkpoint")]
    internal static partial int ProviderCheckpoint(ProviderHandle provider, byte* name, nuint nameLength, [MarshalAs(UnmanagedType.U1)] out bool found, out long position, out long storedAtUs, out nint error);

    [LibraryImport(Library, EntryPoint = "lode_provider_store_checkpoint")]
    internal static partial int ProviderStoreCheckpoint(ProviderHandle provider, byte* name, nuint nameLength, long position, [MarshalAs(UnmanagedType.U1)] bool reset, out nint error);

    [LibraryImport(Library, EntryPoint = "lode_store_append_with_checkpoint")]
    internal static partial int StoreAppendWithCheckpoint(StoreHandle store, LodeBytes* messages, nuint count, byte* name, nuint nameLength, long position, out long version, out nint error);
}

/// <summary>
/// A <c>lode_subscription *</c>; released with <c>lode_subscription_close</c>.
/// </summary>
internal sealed class SubscriptionHandle : SafeHandle
{
    /// <summary>
    /// Initializes a new instance of the <see cref="SubscriptionHandle"/> class (for the marshaller).
    /// </summary>
    public SubscriptionHandle()
        : base(IntPtr.Zero, ownsHandle: true)
    {
    }

    /// <inheritdoc/>
    public override bool IsInvalid => handle == IntPtr.Zero;

    /// <inheritdoc/>
    protected override bool ReleaseHandle()
    {
        int status = NativeMethods.SubscriptionClose(handle, out nint error);
        NativeMethods.ErrorFree(error);
        return status == NativeMethods.Ok;
    }
}
