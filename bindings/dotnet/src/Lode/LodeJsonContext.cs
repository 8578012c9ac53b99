namespace Lode;

using System.Text.Json.Serialization;

/// <summary>
/// Source-generated JSON metadata of the small documents the library returns.
/// </summary>
[JsonSerializable(typeof(long[]))]
internal sealed partial class LodeJsonContext : JsonSerializerContext;
