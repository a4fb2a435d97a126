using KokkaBot.Knowledge.Model;
using Markdig;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Microsoft.AspNetCore.Html;

namespace KokkaBot.Pages.Coordinator;

/// <summary>The model of <c>Pages/Shared/_EntryPreview.cshtml</c>: an entry as the bot shows it in one language.</summary>
public sealed record EntryPreview(KnowledgeEntry Entry, string Language)
{
    /// <summary>The text the bot shows: the language's own when complete, else English (the fallback).</summary>
    public EntryText? Text => Entry.Text(Language) is { IsComplete: true } own ? own : Entry.Text("en") is { IsComplete: true } en ? en : null;

    public bool IsFallback => Text is { } text && text.Language != Language;
}

/// <summary>The previews of every language, one shown at a time (the selected tab).</summary>
public sealed record PreviewSet(KnowledgeEntry Entry, string Selected);

/// <summary>
/// Markdown as the bot renders it: CommonMark with raw HTML switched off, and links only to web,
/// e-mail and phone addresses (a <c>javascript:</c> link becomes plain text).
/// </summary>
public static class PreviewMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().Build();
    private static readonly string[] SafeSchemes = ["http", "https", "mailto", "tel"];

    public static IHtmlContent ToHtml(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
            return HtmlString.Empty;
        var document = Markdown.Parse(markdown, Pipeline);
        foreach (var link in document.Descendants<LinkInline>().ToList())
        {
            if (!IsSafe(link.Url))
                link.Url = null;
        }
        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.Render(document);
        writer.Flush();
        return new HtmlString(writer.ToString());
    }

    public static bool IsSafe(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
            return false;
        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri))
            return !url.Contains(':', StringComparison.Ordinal); // a relative link: harmless
        return SafeSchemes.Contains(uri.Scheme, StringComparer.OrdinalIgnoreCase);
    }
}
