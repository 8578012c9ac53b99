namespace Hexalith.EventStores;

using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

using Hexalith.PolymorphicSerializations;

using Lode;

/// <summary>
/// Turns <see cref="EventMessage"/>s into the wire format's UTF-8 JSON and back, with
/// <see cref="PolymorphicHelper.DefaultJsonSerializerOptions"/> (written compact).
/// </summary>
internal sealed class LodeMessageSerializer
{
    [ThreadStatic]
    private static PooledWriter? _writer;

    private readonly JsonSerializerOptions _options;
    private readonly JsonWriterOptions _writerOptions;
    private JsonTypeInfo<EventMessage>? _message;
    private JsonTypeInfo<List<EventMessage>>? _list;

    public LodeMessageSerializer(JsonSerializerOptions? options)
    {
        _options = options ?? new JsonSerializerOptions(PolymorphicHelper.DefaultJsonSerializerOptions) { WriteIndented = false };
        _writerOptions = new JsonWriterOptions { Encoder = _options.Encoder, Indented = false, MaxDepth = _options.MaxDepth };
    }

    public JsonSerializerOptions Options => _options;

    private JsonTypeInfo<EventMessage> MessageInfo => _message ??= (JsonTypeInfo<EventMessage>)_options.GetTypeInfo(typeof(EventMessage));

    private JsonTypeInfo<List<EventMessage>> ListInfo => _list ??= (JsonTypeInfo<List<EventMessage>>)_options.GetTypeInfo(typeof(List<EventMessage>));

    /// <summary>
    /// Serializes a batch back to back into a pooled buffer and calls <paramref name="append"/>
    /// with it and each message's end offset.
    /// </summary>
    public long WriteBatch<TState>(IReadOnlyList<EventMessage> items, TState state, Func<TState, ReadOnlySpan<byte>, ReadOnlySpan<int>, long> append)
    {
        PooledWriter writer = _writer ?? new PooledWriter();
        _writer = null;
        int[] ends = ArrayPool<int>.Shared.Rent(Math.Max(items.Count, 1));
        try
        {
            writer.Clear();
            using Utf8JsonWriter json = new(writer, _writerOptions);
            for (int i = 0; i < items.Count; i++)
            {
                EventMessage item = items[i] ?? throw new ArgumentException($"Message {i} of the batch is null.", nameof(items));
                json.Reset(writer);
                JsonSerializer.Serialize(json, item, MessageInfo);
                json.Flush();
                ends[i] = writer.WrittenCount;
            }

            return append(state, writer.WrittenSpan, ends.AsSpan(0, items.Count));
        }
        finally
        {
            ArrayPool<int>.Shared.Return(ends);
            writer.Trim();
            _writer = writer;
        }
    }

    public byte[] Serialize(EventMessage message) => JsonSerializer.SerializeToUtf8Bytes(message, MessageInfo);

    public EventMessage Deserialize(ReadOnlySpan<byte> json, string storeId, int index)
    {
        try
        {
            return JsonSerializer.Deserialize(json, MessageInfo)
                ?? throw new LodeSerializationException($"Item {index} of the read of store '{storeId}' is null, not an EventMessage.", $"store '{storeId}' item {index}", null, "null");
        }
        catch (JsonException e) when (e is not LodeSerializationException)
        {
            throw new LodeSerializationException(
                $"Item {index} of the read of store '{storeId}' cannot be read as an EventMessage: {e.Message} Register the event types (RegisterPolymorphicMappers) before reading.",
                $"store '{storeId}' item {index}",
                null,
                e.Message,
                e);
        }
    }

    public List<EventMessage> ReadAll(MessageBuffer buffer, string storeId)
    {
        List<EventMessage> list = new(buffer.Count);
        for (int i = 0; i < buffer.Count; i++)
        {
            list.Add(Deserialize(buffer[i], storeId, i));
        }

        return list;
    }

    public List<EventMessage> DeserializeArray(ReadOnlySpan<byte> json, string storeId)
    {
        try
        {
            return JsonSerializer.Deserialize(json, ListInfo) ?? [];
        }
        catch (JsonException e)
        {
            throw new LodeSerializationException($"The messages handed to the snapshot function of store '{storeId}' cannot be read: {e.Message}", $"store '{storeId}'", null, e.Message, e);
        }
    }

    /// <summary>
    /// A reusable growable byte buffer with its JSON writer.
    /// </summary>
    private sealed class PooledWriter : IBufferWriter<byte>
    {
        private const int Initial = 64 * 1024;
        private const int KeepAtMost = 4 * 1024 * 1024;
        private byte[] _buffer = ArrayPool<byte>.Shared.Rent(Initial);
        private int _written;

        public int WrittenCount => _written;

        public ReadOnlySpan<byte> WrittenSpan => _buffer.AsSpan(0, _written);

        public void Clear() => _written = 0;

        public void Trim()
        {
            if (_buffer.Length > KeepAtMost)
            {
                ArrayPool<byte>.Shared.Return(_buffer);
                _buffer = ArrayPool<byte>.Shared.Rent(Initial);
            }

            _written = 0;
        }

        public void Advance(int count) => _written += count;

        public Memory<byte> GetMemory(int sizeHint = 0)
        {
            Ensure(sizeHint);
            return _buffer.AsMemory(_written);
        }

        public Span<byte> GetSpan(int sizeHint = 0)
        {
            Ensure(sizeHint);
            return _buffer.AsSpan(_written);
        }

        private void Ensure(int sizeHint)
        {
            int needed = _written + Math.Max(sizeHint, 256);
            if (needed > _buffer.Length)
            {
                byte[] bigger = ArrayPool<byte>.Shared.Rent(Math.Max(needed, _buffer.Length * 2));
                _buffer.AsSpan(0, _written).CopyTo(bigger);
                ArrayPool<byte>.Shared.Return(_buffer);
                _buffer = bigger;
            }
        }
    }
}
