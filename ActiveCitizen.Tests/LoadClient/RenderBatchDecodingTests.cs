using ActiveCitizen.Bench.Circuits;

namespace ActiveCitizen.Tests.LoadClient;

/// <summary>
/// The load client's reading of render batches, on batches the app really sent: the demo resident opened the demo's housing idea
/// "Передавать показания счётчиков по фото" (4 supporters, 7 comments) and clicked "Support this idea". Recorded with the client
/// (ActiveCitizen.Bench) against the app on .NET 10.0.12: batches 2–15 render the page, 16–17 answer the click. The server attached
/// HeadOutlet as component 0 and the router as component 5.
/// </summary>
public sealed class RenderBatchDecodingTests
{
    private const int HeadOutlet = 0;
    private const int Router = 5;
    private const string IdeaTitle = "Передавать показания счётчиков по фото";

    private static byte[] Recorded(int batchId) =>
        File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "LoadClient", "Recordings", $"batch-{batchId}.bin"));

    private static RenderedTree Replay(int lastBatchId)
    {
        var tree = new RenderedTree();
        tree.AttachRoot(HeadOutlet);
        tree.AttachRoot(Router);
        for (var batchId = 2; batchId <= lastBatchId; batchId++)
        {
            tree.Apply(RenderBatch.Read(Recorded(batchId)));
        }
        return tree;
    }

    private static string Text(RenderedTree tree, int componentId) => RenderedTree.Normalize(tree.Component(componentId)!.TextContent());

    private static RenderedNode SupportButton(RenderedTree tree) =>
        tree.Component(Router)!.Descendants().Single(node => node.Name == "button" && node.Attribute("aria-pressed") is not null &&
                                                             node.TextContent().Contains("support this idea", StringComparison.OrdinalIgnoreCase));

    [Fact]
    public void The_pages_first_render_decodes_into_frames_strings_and_event_handlers()
    {
        var batch = RenderBatch.Read(Recorded(3));

        Assert.Equal(Router, batch.Diffs[0].ComponentId);
        Assert.True(batch.Diffs.Length > 50, "every component of the page renders in the first batch");
        Assert.All(batch.Diffs[0].Edits, edit => Assert.Equal(EditType.PrependFrame, edit.Type));
        Assert.Contains(batch.ReferenceFrames, frame => frame.Type == FrameType.Element && frame.Name == "button");
        Assert.Contains(batch.ReferenceFrames, frame => frame is { Type: FrameType.Attribute, Name: "data-testid", Value: "support-count" });
        Assert.Contains(batch.ReferenceFrames, frame => frame is { Type: FrameType.Attribute, Name: "onclick" } && frame.EventHandlerId > 0);
        Assert.Contains(batch.Strings, text => text == IdeaTitle);
    }

    [Fact]
    public void Replaying_the_batches_gives_the_text_a_resident_reads_and_the_support_buttons_handler()
    {
        var tree = Replay(15);

        var page = Text(tree, Router);
        Assert.Contains(IdeaTitle, page);
        Assert.Contains("4 supporters", page);
        Assert.Contains("Comments: 7", page);
        Assert.Contains("Очень нужно! У меня ровно такая же история была в прошлом месяце.", page);
        Assert.DoesNotContain("You support this idea", page);
        var support = SupportButton(tree);
        Assert.Equal("Support this idea", RenderedTree.Normalize(support.TextContent()));
        Assert.Equal(34UL, support.Handlers["click"]);
        Assert.Equal("false", support.Attribute("aria-pressed"));
        Assert.Contains(IdeaTitle, Text(tree, HeadOutlet));
    }

    [Fact]
    public void The_batches_answering_the_click_update_the_count_and_the_button_in_place()
    {
        var tree = Replay(17);

        var page = Text(tree, Router);
        Assert.Contains("5 supporters", page);
        Assert.DoesNotContain("4 supporters", page);
        var support = SupportButton(tree);
        Assert.Equal("You support this idea", RenderedTree.Normalize(support.TextContent()));
        Assert.Equal("true", support.Attribute("aria-pressed"));
        Assert.Contains("Click again to take your support back.", page);
        // Everything else on the page is as it was: only the diffs' edits touched the tree.
        Assert.Contains("Comments: 7", page);
        Assert.Contains(IdeaTitle, page);
    }

    [Fact]
    public void A_text_is_found_in_a_batch_without_decoding_its_frames()
    {
        Assert.True(RenderBatch.ContainsText(Recorded(3), "показания счётчиков"));
        Assert.True(RenderBatch.ContainsText(Recorded(16), "You support this idea") || RenderBatch.ContainsText(Recorded(17), "You support this idea"));
        Assert.False(RenderBatch.ContainsText(Recorded(3), "You support this idea"));
    }

    [Fact]
    public void Hub_messages_are_framed_with_their_length_and_a_cut_message_waits_for_the_rest()
    {
        var frame = BlazorPack.Invocation("7", "JS.RenderBatch", 2L, "text", true, null);
        var messages = new List<HubMessage>();

        Assert.Equal(0, BlazorPack.ReadMessages(frame.AsMemory(0, frame.Length - 1), messages));
        Assert.Empty(messages);

        var two = frame.Concat(BlazorPack.PingMessage).ToArray();
        Assert.Equal(two.Length, BlazorPack.ReadMessages(two, messages));
        Assert.Equal(2, messages.Count);
        Assert.Equal(("7", "JS.RenderBatch"), (messages[0].InvocationId, messages[0].Target));
        Assert.Equal([2L, "text", true, null], messages[0].Arguments);
        Assert.Equal(HubMessage.Ping, messages[1].Type);
    }
}
