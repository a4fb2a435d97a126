using System.Text.Json;
using KokkaBot.Answers;
using KokkaBot.Bot.Schema;

namespace KokkaBot.Tests.Support;

/// <summary>Replies read by their structure (cards, entries, buttons), not by long English sentences.</summary>
public static class Replies
{
    public const string AdaptiveCard = "application/vnd.microsoft.card.adaptive";

    /// <summary>The knowledge entries shown as cards in the replies, in order.</summary>
    public static IReadOnlyList<string> EntrySlugs(this IEnumerable<Activity> replies) =>
        replies.SelectMany(EntrySlugs).ToList();

    public static IReadOnlyList<string> EntrySlugs(this Activity reply) =>
        (reply.Attachments ?? [])
            .Where(a => a.ContentType == AdaptiveCard && a.Content is not null)
            .SelectMany(a => Ids(a.Content!.Value))
            .Where(id => id.StartsWith(EntryCards.EntryIdPrefix, StringComparison.Ordinal))
            .Select(id => id[EntryCards.EntryIdPrefix.Length..])
            .ToList();

    /// <summary>The entries offered as a clarifying choice (buttons that carry a slug).</summary>
    public static IReadOnlyList<string> ChoiceSlugs(this Activity reply) =>
        reply.SuggestedActions?.Actions
            .Select(a => a.Value is { ValueKind: JsonValueKind.Object } value && value.TryGetProperty("slug", out var slug) ? slug.GetString() : null)
            .OfType<string>()
            .ToList() ?? [];

    public static IReadOnlyList<string> Buttons(this Activity reply) =>
        reply.SuggestedActions?.Actions.Select(a => a.Title ?? "").ToList() ?? [];

    /// <summary>The titles of a card's actions (open website, more results, advisor…).</summary>
    public static IReadOnlyList<string> CardActionTitles(this Activity reply) =>
        (reply.Attachments ?? [])
            .Where(a => a.Content is not null)
            .SelectMany(a => Titles(a.Content!.Value))
            .ToList();

    public static IReadOnlyList<string?> Texts(this IEnumerable<Activity> replies) =>
        replies.Where(r => r.Type == ActivityTypes.Message).Select(r => r.Text).ToList();

    private static IEnumerable<string> Ids(JsonElement element) => Walk(element)
        .Where(e => e.ValueKind == JsonValueKind.Object && e.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String)
        .Select(e => e.GetProperty("id").GetString()!);

    private static IEnumerable<string> Titles(JsonElement element) => Walk(element)
        .Where(e => e.ValueKind == JsonValueKind.Object
            && e.TryGetProperty("type", out var type) && type.GetString()?.StartsWith("Action.", StringComparison.Ordinal) == true
            && e.TryGetProperty("title", out _))
        .Select(e => e.GetProperty("title").GetString()!);

    private static IEnumerable<JsonElement> Walk(JsonElement element)
    {
        yield return element;
        var children = element.ValueKind switch
        {
            JsonValueKind.Object => element.EnumerateObject().Select(p => p.Value),
            JsonValueKind.Array => element.EnumerateArray(),
            _ => [],
        };
        foreach (var child in children)
            foreach (var descendant in Walk(child))
                yield return descendant;
    }
}
