namespace Lode.Interop;

using System.Runtime.InteropServices;

/// <summary>
/// A <c>lode_provider *</c>; released with <c>lode_provider_close</c>.
/// </summary>
internal sealed class ProviderHandle : SafeHandle
{
    /// <summary>
    /// Initializes a new instance of the <see cref="ProviderHandle"/> class (for the marshaller).
    /// </summary>
    public ProviderHandle()
        : base(IntPtr.Zero, ownsHandle: true)
    {
    }

    /// <inheritdoc/>
    public override bool IsInvalid => handle == IntPtr.Zero;

    /// <inheritdoc/>
    protected override bool ReleaseHandle()
    {
        int status = NativeMethods.ProviderClose(handle, out nint error);
        NativeMethods.ErrorFree(error);
        return status == NativeMethods.Ok;
    }
}

/// <summary>
/// A <c>lode_store *</c>; released with <c>lode_store_free</c> (which also ends its session).
/// </summary>
internal sealed class StoreHandle : SafeHandle
{
    /// <summary>
    /// Initializes a new instance of the <see cref="StoreHandle"/> class (for the marshaller).
    /// </summary>
    public StoreHandle()
        : base(IntPtr.Zero, ownsHandle: true)
    {
    }

    /// <inheritdoc/>
    public override bool IsInvalid => handle == IntPtr.Zero;

    /// <inheritdoc/>
    protected override bool ReleaseHandle()
    {
        int status = NativeMethods.StoreFree(handle, out nint error);
        NativeMethods.ErrorFree(error);
        return status == NativeMethods.Ok;
    }
}

/// <summary>
/// A <c>lode_buffer *</c>; released with <c>lode_buffer_free</c>.
/// </summary>
internal sealed class BufferHandle : SafeHandle
{
    /// <summary>
    /// Initializes a new instance of the <see cref="BufferHandle"/> class (for the marshaller).
    /// </summary>
    public BufferHandle()
        : base(IntPtr.Zero, ownsHandle: true)
    {
    }

    /// <inheritdoc/>
    public override bool IsInvalid => handle == IntPtr.Zero;

    /// <inheritdoc/>
    protected override bool ReleaseHandle()
    {
        NativeMethods.BufferFree(handle);
        return true;
    }
}
