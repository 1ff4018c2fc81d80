using System.Buffers.Binary;
using System.Text;

namespace ActiveCitizen.Bench.Circuits;

public enum FrameType
{
    Element = 1,
    Text = 2,
    Attribute = 3,
    Component = 4,
    Region = 5,
    ElementReferenceCapture = 6,
    ComponentReferenceCapture = 7,
    Markup = 8,
    ComponentRenderMode = 9,
    NamedEvent = 10,
}

public enum EditType
{
    PrependFrame = 1,
    RemoveFrame = 2,
    SetAttribute = 3,
    RemoveAttribute = 4,
    UpdateText = 5,
    StepIn = 6,
    StepOut = 7,
    UpdateMarkup = 8,
    PermutationListEntry = 9,
    PermutationListEnd = 10,
}

/// <summary>
/// One frame of a render batch. <see cref="Name"/> is an element's or attribute's name, <see cref="Value"/> a text, markup or attribute
/// value; <see cref="SubtreeLength"/> counts an element, component or region frame with everything under it.
/// </summary>
public readonly record struct RenderFrame(FrameType Type, int SubtreeLength, string? Name, string? Value, int ComponentId, ulong EventHandlerId);

/// <summary>One edit of a component's diff; <see cref="ReferenceFrameIndex"/> is the target sibling for a permutation entry.</summary>
public readonly record struct RenderEdit(EditType Type, int SiblingIndex, int ReferenceFrameIndex, string? RemovedAttributeName);

public sealed record ComponentDiff(int ComponentId, RenderEdit[] Edits);

/// <summary>A render batch as the server's RenderBatchWriter lays it out (the layout blazor.web.js reads in OutOfProcessRenderBatch).</summary>
public sealed record RenderBatch(
    ComponentDiff[] Diffs, RenderFrame[] ReferenceFrames, int[] DisposedComponentIds, ulong[] DisposedEventHandlerIds, string?[] Strings)
{
    private const int FrameSize = 20;
    private const int EditSize = 16;
    private const int TrailerSize = 20;

    /// <summary>
    /// Decodes a batch: sections first (diffs, reference frames, disposed component ids, disposed handler ids, strings, then each
    /// string's position), and a trailer of five absolute offsets at the very end. Integers are little-endian; string index −1 is null.
    /// </summary>
    public static RenderBatch Read(ReadOnlySpan<byte> data)
    {
        var trailer = data.Length - TrailerSize;
        var updatedComponents = Int(data, trailer);
        var referenceFrames = Int(data, trailer + 4);
        var disposedComponents = Int(data, trailer + 8);
        var disposedHandlers = Int(data, trailer + 12);
        var strings = ReadStrings(data);

        var diffs = new ComponentDiff[Int(data, updatedComponents)];
        for (var index = 0; index < diffs.Length; index++)
        {
            var position = Int(data, updatedComponents + 4 + 4 * index);
            var edits = new RenderEdit[Int(data, position + 4)];
            for (var edit = 0; edit < edits.Length; edit++)
            {
                var at = position + 8 + edit * EditSize;
                edits[edit] = new RenderEdit((EditType)Int(data, at), Int(data, at + 4), Int(data, at + 8), String(strings, Int(data, at + 12)));
            }
            diffs[index] = new ComponentDiff(Int(data, position), edits);
        }

        var frames = new RenderFrame[Int(data, referenceFrames)];
        for (var index = 0; index < frames.Length; index++)
        {
            frames[index] = ReadFrame(data, referenceFrames + 4 + index * FrameSize, strings);
        }

        var disposedComponentIds = new int[Int(data, disposedComponents)];
        for (var index = 0; index < disposedComponentIds.Length; index++)
        {
            disposedComponentIds[index] = Int(data, disposedComponents + 4 + 4 * index);
        }
        var disposedHandlerIds = new ulong[Int(data, disposedHandlers)];
        for (var index = 0; index < disposedHandlerIds.Length; index++)
        {
            disposedHandlerIds[index] = BinaryPrimitives.ReadUInt64LittleEndian(data[(disposedHandlers + 4 + 8 * index)..]);
        }
        return new RenderBatch(diffs, frames, disposedComponentIds, disposedHandlerIds, strings);
    }

    /// <summary>How many components the server re-rendered for this batch, read from the trailer without decoding the rest.</summary>
    public static int UpdatedComponentCount(ReadOnlySpan<byte> data) => Int(data, Int(data, data.Length - TrailerSize));

    /// <summary>Only the batch's strings: enough to see whether a text reached a viewer, without building frames.</summary>
    public static string?[] ReadStrings(ReadOnlySpan<byte> data)
    {
        var tableOffset = Int(data, data.Length - 4);
        var count = (data.Length - TrailerSize - tableOffset) / 4;
        var strings = new string?[count];
        for (var index = 0; index < count; index++)
        {
            strings[index] = ReadString(data, Int(data, tableOffset + 4 * index));
        }
        return strings;
    }

    /// <summary>
    /// Whether any string of the batch contains <paramref name="text"/> (or, <paramref name="whole"/>, is exactly it), decoding each
    /// string only as far as needed.
    /// </summary>
    public static bool ContainsText(ReadOnlySpan<byte> data, string text, bool whole = false)
    {
        var needle = Encoding.UTF8.GetBytes(text);
        var tableOffset = Int(data, data.Length - 4);
        var count = (data.Length - TrailerSize - tableOffset) / 4;
        for (var index = 0; index < count; index++)
        {
            var position = Int(data, tableOffset + 4 * index);
            var length = ReadLength(data, ref position);
            var candidate = data.Slice(position, length);
            if (whole ? candidate.SequenceEqual(needle) : candidate.IndexOf(needle) >= 0)
            {
                return true;
            }
        }
        return false;
    }

    private static RenderFrame ReadFrame(ReadOnlySpan<byte> data, int at, string?[] strings)
    {
        var type = (FrameType)Int(data, at);
        var first = Int(data, at + 4);
        var second = Int(data, at + 8);
        return type switch
        {
            FrameType.Element => new RenderFrame(type, first, String(strings, second), null, 0, 0),
            FrameType.Text or FrameType.Markup => new RenderFrame(type, 0, null, String(strings, first), 0, 0),
            FrameType.Attribute => new RenderFrame(type, 0, String(strings, first), String(strings, second), 0,
                BinaryPrimitives.ReadUInt64LittleEndian(data[(at + 12)..])),
            FrameType.Component => new RenderFrame(type, first, null, null, second, 0),
            FrameType.Region => new RenderFrame(type, first, null, null, 0, 0),
            FrameType.ElementReferenceCapture => new RenderFrame(type, 0, null, String(strings, first), 0, 0),
            _ => new RenderFrame(type, 0, null, null, 0, 0),
        };
    }

    private static string? String(string?[] strings, int index) => index < 0 ? null : strings[index];

    private static int Int(ReadOnlySpan<byte> data, int at) => BinaryPrimitives.ReadInt32LittleEndian(data[at..]);

    /// <summary>A .NET BinaryWriter string: its UTF-8 length in 7-bit groups, low first, then the bytes.</summary>
    private static string ReadString(ReadOnlySpan<byte> data, int position)
    {
        var length = ReadLength(data, ref position);
        return Encoding.UTF8.GetString(data.Slice(position, length));
    }

    private static int ReadLength(ReadOnlySpan<byte> data, ref int position)
    {
        var length = 0;
        var shift = 0;
        byte next;
        do
        {
            next = data[position++];
            length |= (next & 0x7f) << shift;
            shift += 7;
        }
        while ((next & 0x80) != 0);
        return length;
    }
}
