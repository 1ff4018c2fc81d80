using System.Buffers;
using MessagePack;

namespace ActiveCitizen.Bench.Circuits;

/// <summary>A hub message as the circuit client needs it: invocations from the server, completions of its own calls, pings, close.</summary>
public sealed record HubMessage(int Type, string? InvocationId, string? Target, object?[] Arguments, object? Result, string? Error)
{
    public const int Invocation = 1;
    public const int Completion = 3;
    public const int Ping = 6;
    public const int Close = 7;
}

/// <summary>
/// "blazorpack": SignalR's MessagePack hub protocol under the name the Blazor hub insists on. Every message on the WebSocket is a
/// varint length followed by one MessagePack array whose first element is the message type; several may share one WebSocket message.
/// </summary>
public static class BlazorPack
{
    public static readonly byte[] Handshake = "{\"protocol\":\"blazorpack\",\"version\":1}\u001e"u8.ToArray();

    public static byte[] PingMessage { get; } = Frame((ref MessagePackWriter writer) =>
    {
        writer.WriteArrayHeader(1);
        writer.Write(HubMessage.Ping);
    });

    /// <summary>An invocation [1, {}, invocationId, target, [arguments]]; arguments may be strings, whole numbers, booleans or null.</summary>
    public static byte[] Invocation(string? invocationId, string target, params object?[] arguments) => Frame((ref MessagePackWriter writer) =>
    {
        writer.WriteArrayHeader(5);
        writer.Write(HubMessage.Invocation);
        writer.WriteMapHeader(0);
        if (invocationId is null)
        {
            writer.WriteNil();
        }
        else
        {
            writer.Write(invocationId);
        }
        writer.Write(target);
        writer.WriteArrayHeader(arguments.Length);
        foreach (var argument in arguments)
        {
            switch (argument)
            {
                case null: writer.WriteNil(); break;
                case string text: writer.Write(text); break;
                case long number: writer.Write(number); break;
                case int number: writer.Write(number); break;
                case bool flag: writer.Write(flag); break;
                default: throw new ArgumentException($"The circuit client does not send {argument.GetType().Name} arguments.");
            }
        }
    });

    // MessagePackWriter is a struct: the body must write through a reference, or its writes go to a copy that is never flushed.
    private delegate void WriteBody(ref MessagePackWriter writer);

    private static byte[] Frame(WriteBody write)
    {
        var body = new ArrayBufferWriter<byte>(256);
        var writer = new MessagePackWriter(body);
        write(ref writer);
        writer.Flush();
        var length = body.WrittenCount;
        Span<byte> prefix = stackalloc byte[5];
        var prefixLength = 0;
        do
        {
            var next = (byte)(length & 0x7f);
            length >>= 7;
            prefix[prefixLength++] = length > 0 ? (byte)(next | 0x80) : next;
        }
        while (length > 0);
        var frame = new byte[prefixLength + body.WrittenCount];
        prefix[..prefixLength].CopyTo(frame);
        body.WrittenSpan.CopyTo(frame.AsSpan(prefixLength));
        return frame;
    }

    /// <summary>
    /// Reads every whole message at the start of <paramref name="buffer"/>; returns how many bytes they took, so a message cut by the
    /// end of the buffer stays for the next read.
    /// </summary>
    public static int ReadMessages(ReadOnlyMemory<byte> buffer, List<HubMessage> messages)
    {
        var bytes = buffer.Span;
        var consumed = 0;
        while (consumed < bytes.Length)
        {
            var length = 0;
            var shift = 0;
            var position = consumed;
            byte next;
            do
            {
                if (position >= bytes.Length)
                {
                    return consumed;
                }
                next = bytes[position++];
                length |= (next & 0x7f) << shift;
                shift += 7;
            }
            while ((next & 0x80) != 0);
            if (bytes.Length - position < length)
            {
                return consumed;
            }
            messages.Add(Parse(new ReadOnlySequence<byte>(buffer.Slice(position, length))));
            consumed = position + length;
        }
        return consumed;
    }

    private static HubMessage Parse(ReadOnlySequence<byte> payload)
    {
        var reader = new MessagePackReader(payload);
        var count = reader.ReadArrayHeader();
        var type = reader.ReadInt32();
        switch (type)
        {
            case HubMessage.Invocation:
            {
                reader.Skip(); // headers
                var invocationId = reader.TryReadNil() ? null : reader.ReadString();
                var target = reader.ReadString();
                var arguments = new object?[reader.ReadArrayHeader()];
                for (var index = 0; index < arguments.Length; index++)
                {
                    arguments[index] = ReadValue(ref reader);
                }
                return new HubMessage(type, invocationId, target, arguments, null, null);
            }
            case HubMessage.Completion:
            {
                reader.Skip(); // headers
                var invocationId = reader.ReadString();
                var resultKind = reader.ReadInt32();
                return resultKind switch
                {
                    1 => new HubMessage(type, invocationId, null, [], null, reader.ReadString()),
                    3 => new HubMessage(type, invocationId, null, [], ReadValue(ref reader), null),
                    _ => new HubMessage(type, invocationId, null, [], null, null),
                };
            }
            case HubMessage.Close:
                return new HubMessage(type, null, null, [], null, count > 1 && !reader.TryReadNil() ? reader.ReadString() : null);
            default:
                return new HubMessage(type, null, null, [], null, null);
        }
    }

    private static object? ReadValue(ref MessagePackReader reader)
    {
        switch (reader.NextMessagePackType)
        {
            case MessagePackType.Nil:
                reader.ReadNil();
                return null;
            case MessagePackType.Boolean:
                return reader.ReadBoolean();
            case MessagePackType.Integer:
                return reader.ReadInt64();
            case MessagePackType.Float:
                return reader.ReadDouble();
            case MessagePackType.String:
                return reader.ReadString();
            case MessagePackType.Binary:
                return reader.ReadBytes()?.ToArray();
            default:
                reader.Skip();
                return null;
        }
    }
}
