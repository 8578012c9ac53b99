// Lets records compile for netstandard2.0 (the compiler looks this type up by name).
namespace System.Runtime.CompilerServices;

internal static class IsExternalInit
{
}
