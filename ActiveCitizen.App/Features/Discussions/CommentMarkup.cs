using Ganss.Xss;
using Markdig;

namespace ActiveCitizen.App.Features.Discussions;

/// <summary>
/// Turns what residents type into the only HTML the discussion ever renders: a small Markdown subset (bold, italic, links, lists,
/// quotes) converted by Markdig with raw HTML disabled, then passed through a strict allow-list. Links may only be http, https or
/// mailto, and always open with rel="nofollow ugc noopener" in a new tab. Thread-safe; one instance serves the whole app.
/// </summary>
public sealed class CommentMarkup
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseAutoLinks()
        .UseSoftlineBreakAsHardlineBreak()
        .Build();

    private readonly HtmlSanitizer sanitizer;

    public CommentMarkup()
    {
        sanitizer = new HtmlSanitizer(new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "p", "br", "strong", "em", "ul", "ol", "li", "blockquote", "a" },
            AllowedAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href", "rel", "target" },
            AllowedSchemes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "http", "https", "mailto" },
            UriAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href" },
            AllowedCssProperties = new HashSet<string>(),
            AllowedAtRules = new HashSet<AngleSharp.Css.Dom.CssRuleType>(),
        })
        {
            // Markdown's other blocks (headings, code) lose their tag but keep their text.
            KeepChildNodes = true,
        };
        // Every link, whatever it said, leaves the site without passing on who we are or letting the page reach back. Only absolute
        // http, https and mailto addresses stay: the sanitizer's scheme list lets relative and protocol-relative ones through
        // ("//elsewhere.example", "/Account/Logout"), which a comment has no business linking to.
        sanitizer.PostProcessNode += (_, args) =>
        {
            if (args.Node is AngleSharp.Dom.IElement { LocalName: "a" } link)
            {
                if (link.GetAttribute("href") is { } href && !IsAllowedLink(href))
                {
                    link.RemoveAttribute("href");
                }
                link.SetAttribute("rel", "nofollow ugc noopener");
                link.SetAttribute("target", "_blank");
            }
        };
    }

    private static bool IsAllowedLink(string href) =>
        Uri.TryCreate(href, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeMailto);

    /// <summary>The comment as safe HTML.</summary>
    public string ToHtml(string markdown) => Sanitize(Markdown.ToHtml(markdown, Pipeline));

    /// <summary>Any HTML reduced to the allow-list; applying it twice changes nothing.</summary>
    public string Sanitize(string html) => sanitizer.Sanitize(html).Trim();

    /// <summary>The comment as plain text, for notifications and excerpts.</summary>
    public static string PlainText(string markdown, int maxLength)
    {
        var text = Markdown.ToPlainText(markdown, Pipeline).ReplaceLineEndings(" ").Trim();
        return text.Length <= maxLength ? text : text[..(maxLength - 1)].TrimEnd() + "…";
    }
}
