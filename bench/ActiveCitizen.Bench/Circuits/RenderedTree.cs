using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace ActiveCitizen.Bench.Circuits;

/// <summary>
/// A node of the page as blazor.web.js would have built it: elements with attributes and event handlers, text, raw markup, and a
/// container per component. Regions are flattened away, as in the browser, so sibling indexes in edits count these nodes.
/// </summary>
public sealed class RenderedNode
{
    public RenderedNode(FrameType kind, RenderedNode? parent, int ownerComponentId)
    {
        Kind = kind;
        Parent = parent;
        OwnerComponentId = ownerComponentId;
    }

    public FrameType Kind { get; }
    public RenderedNode? Parent { get; set; }

    /// <summary>The component whose render output holds this node: the one a change event names in its field info.</summary>
    public int OwnerComponentId { get; }

    /// <summary>An element's name, or the component id for a component's container.</summary>
    public string? Name { get; init; }
    public int ComponentId { get; init; }

    /// <summary>Text, or raw markup.</summary>
    public string? Text { get; set; }

    public List<RenderedNode> Children { get; } = [];
    public Dictionary<string, string?> Attributes { get; } = new(StringComparer.Ordinal);

    /// <summary>Event name ("click", "change") to the handler id the server gave it.</summary>
    public Dictionary<string, ulong> Handlers { get; } = new(StringComparer.Ordinal);

    public string? Attribute(string name) => Attributes.GetValueOrDefault(name);

    public IEnumerable<RenderedNode> Descendants()
    {
        foreach (var child in Children)
        {
            yield return child;
            foreach (var descendant in child.Descendants())
            {
                yield return descendant;
            }
        }
    }

    /// <summary>The node's text as the DOM's textContent would give it: every text node and the text of raw markup, in order.</summary>
    public string TextContent()
    {
        var builder = new StringBuilder();
        AppendText(builder);
        return builder.ToString();
    }

    private void AppendText(StringBuilder builder)
    {
        switch (Kind)
        {
            case FrameType.Text:
                builder.Append(Text);
                return;
            case FrameType.Markup:
                builder.Append(RenderedTree.MarkupText(Text ?? ""));
                return;
            case FrameType.Element when Name is "script" or "style":
                return;
        }
        foreach (var child in Children)
        {
            child.AppendText(builder);
        }
    }
}

/// <summary>
/// The client's copy of the page: applies each render batch the way blazor.web.js's BrowserRenderer applies it to the DOM, so that the
/// client can read the text a resident would see and find the current event handler of a button.
/// </summary>
public sealed partial class RenderedTree
{
    private readonly Dictionary<int, RenderedNode> components = [];
    private List<(int From, int To)>? permutation;

    /// <summary>Gives a root component (named by JS.AttachComponent) its container.</summary>
    public void AttachRoot(int componentId) => components[componentId] = new RenderedNode(FrameType.Component, null, 0) { ComponentId = componentId };

    public RenderedNode? Component(int componentId) => components.GetValueOrDefault(componentId);

    public void Apply(RenderBatch batch)
    {
        foreach (var diff in batch.Diffs)
        {
            if (components.TryGetValue(diff.ComponentId, out var container))
            {
                ApplyEdits(diff.ComponentId, container, diff.Edits, batch.ReferenceFrames);
            }
        }
        foreach (var disposed in batch.DisposedComponentIds)
        {
            components.Remove(disposed);
        }
    }

    private void ApplyEdits(int componentId, RenderedNode container, RenderEdit[] edits, RenderFrame[] frames)
    {
        var parent = container;
        foreach (var edit in edits)
        {
            switch (edit.Type)
            {
                case EditType.PrependFrame:
                    InsertFrame(componentId, parent, edit.SiblingIndex, frames, edit.ReferenceFrameIndex);
                    break;
                case EditType.RemoveFrame:
                    parent.Children[edit.SiblingIndex].Parent = null;
                    parent.Children.RemoveAt(edit.SiblingIndex);
                    break;
                case EditType.SetAttribute:
                    ApplyAttribute(parent.Children[edit.SiblingIndex], frames[edit.ReferenceFrameIndex]);
                    break;
                case EditType.RemoveAttribute:
                    RemoveAttribute(parent.Children[edit.SiblingIndex], edit.RemovedAttributeName!);
                    break;
                case EditType.UpdateText:
                    parent.Children[edit.SiblingIndex].Text = frames[edit.ReferenceFrameIndex].Value;
                    break;
                case EditType.UpdateMarkup:
                    parent.Children[edit.SiblingIndex].Text = frames[edit.ReferenceFrameIndex].Value;
                    break;
                case EditType.StepIn:
                    parent = parent.Children[edit.SiblingIndex];
                    break;
                case EditType.StepOut:
                    parent = parent.Parent!;
                    break;
                case EditType.PermutationListEntry:
                    (permutation ??= []).Add((edit.SiblingIndex, edit.ReferenceFrameIndex));
                    break;
                case EditType.PermutationListEnd:
                    var before = parent.Children.ToArray();
                    foreach (var (from, to) in permutation!)
                    {
                        parent.Children[to] = before[from];
                    }
                    permutation = null;
                    break;
            }
        }
    }

    /// <summary>Inserts one frame (with its subtree) at <paramref name="childIndex"/>; returns how many nodes it added there.</summary>
    private int InsertFrame(int componentId, RenderedNode parent, int childIndex, RenderFrame[] frames, int frameIndex)
    {
        var frame = frames[frameIndex];
        switch (frame.Type)
        {
            case FrameType.Element:
            {
                var element = new RenderedNode(FrameType.Element, parent, componentId) { Name = frame.Name };
                parent.Children.Insert(childIndex, element);
                var end = frameIndex + frame.SubtreeLength;
                var descendant = frameIndex + 1;
                for (; descendant < end && frames[descendant].Type == FrameType.Attribute; descendant++)
                {
                    ApplyAttribute(element, frames[descendant]);
                }
                InsertFrameRange(componentId, element, 0, frames, descendant, end);
                return 1;
            }
            case FrameType.Text:
            case FrameType.Markup:
                parent.Children.Insert(childIndex, new RenderedNode(frame.Type, parent, componentId) { Text = frame.Value });
                return 1;
            case FrameType.Component:
            {
                var container = new RenderedNode(FrameType.Component, parent, componentId) { ComponentId = frame.ComponentId };
                parent.Children.Insert(childIndex, container);
                components[frame.ComponentId] = container;
                return 1;
            }
            case FrameType.Region:
                return InsertFrameRange(componentId, parent, childIndex, frames, frameIndex + 1, frameIndex + frame.SubtreeLength);
            default:
                // Element reference captures, render modes and named events make no node.
                return 0;
        }
    }

    private int InsertFrameRange(int componentId, RenderedNode parent, int childIndex, RenderFrame[] frames, int start, int end)
    {
        var inserted = 0;
        for (var index = start; index < end;)
        {
            var frame = frames[index];
            inserted += InsertFrame(componentId, parent, childIndex + inserted, frames, index);
            index += frame.Type is FrameType.Element or FrameType.Component or FrameType.Region ? frame.SubtreeLength : 1;
        }
        return inserted;
    }

    private static void ApplyAttribute(RenderedNode element, RenderFrame attribute)
    {
        var name = attribute.Name!;
        if (attribute.EventHandlerId != 0)
        {
            element.Handlers[name.StartsWith("on", StringComparison.Ordinal) ? name[2..] : name] = attribute.EventHandlerId;
            return;
        }
        element.Attributes[name] = attribute.Value;
    }

    private static void RemoveAttribute(RenderedNode element, string name)
    {
        element.Attributes.Remove(name);
        if (name.StartsWith("on", StringComparison.Ordinal))
        {
            element.Handlers.Remove(name[2..]);
        }
    }

    /// <summary>The text of raw markup, as the browser's textContent gives it once the markup is parsed.</summary>
    public static string MarkupText(string markup) =>
        WebUtility.HtmlDecode(Tag().Replace(ScriptOrStyle().Replace(Comment().Replace(markup, ""), ""), ""));

    /// <summary>Collapses runs of whitespace, so texts from different renderers compare by what a reader sees.</summary>
    public static string Normalize(string text) => Whitespace().Replace(text, " ").Trim();

    [GeneratedRegex("<!--.*?-->", RegexOptions.Singleline)]
    private static partial Regex Comment();

    [GeneratedRegex("<(script|style)\\b.*?</\\1>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex ScriptOrStyle();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tag();

    [GeneratedRegex("\\s+")]
    private static partial Regex Whitespace();
}
