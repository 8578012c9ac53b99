namespace Lode.Interop;

using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

/// <summary>
/// Finds <c>liblode</c>: the path in the <c>LODE_LIBRARY</c> environment variable when set,
/// else the standard probing (the application directory, then the package's
/// <c>runtimes/{rid}/native/</c> folder through the deps file, then the system's paths).
/// </summary>
internal static class NativeLibraryLoader
{
    /// <summary>
    /// The environment variable that names the library file to load.
    /// </summary>
    internal const string EnvironmentVariable = "LODE_LIBRARY";

    [ModuleInitializer]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Usage", "CA2255:The 'ModuleInitializer' attribute should not be used in libraries", Justification = "The resolver must be set before the first native call, whichever type makes it.")]
    internal static void Initialize() => NativeLibrary.SetDllImportResolver(typeof(NativeLibraryLoader).Assembly, Resolve);

    private static IntPtr Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (libraryName != NativeMethods.Library)
        {
            return IntPtr.Zero;
        }

        string? path = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrEmpty(path))
        {
            return NativeLibrary.Load(path);
        }

        return NativeLibrary.TryLoad(libraryName, assembly, searchPath, out IntPtr handle) ? handle : IntPtr.Zero;
    }
}
