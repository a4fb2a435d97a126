using KokkaBot.Answers;
using KokkaBot.Bot;
using KokkaBot.Conversation;
using KokkaBot.Knowledge.Model;
using KokkaBot.Knowledge.Search;

namespace KokkaBot.ServicePaths;

/// <summary>The knowledge entries a path shows, for the user's town, as cards.</summary>
public sealed partial class PathEntries(KnowledgeIndex index, ILogger<PathEntries> logger)
{
    /// <summary>A published entry, or null (a coordinator may have archived it since the path was written).</summary>
    public KnowledgeEntry? Find(string slug)
    {
        var entry = index.Find(slug);
        if (entry is { Status: EntryStatus.Published })
            return entry;
        LogMissing(slug);
        return null;
    }

    public IReadOnlyList<KnowledgeEntry> Find(ShowStep show, string language, string? town)
    {
        if (show.Slugs.Count > 0)
            return show.Slugs.Select(Find).OfType<KnowledgeEntry>().Take(show.Max).ToList();
        if (show.Query is not null)
        {
            var result = index.Search(new SearchRequest(show.Query, "en", town) { Kind = show.Kind, Category = show.Category, Max = show.Max, Snippets = false });
            return result.Hits.Select(h => index.Find(h.Slug)).OfType<KnowledgeEntry>().ToList();
        }
        return index.Browse(show.Category, show.Kind, town, show.Max);
    }

    /// <summary>The entries as cards in one message, with the step's intro as its text (one bubble, not two).</summary>
    public Task SendAsync(TurnContext turn, IReadOnlyList<KnowledgeEntry> entries, string? intro, CancellationToken cancellationToken)
    {
        var t = turn.Texts();
        var cards = entries.Select(e => EntryCards.Card(e, t)).ToList();
        return turn.SendActivityAsync(cards.Count == 1 ? MessageFactory.Attachment(cards[0], intro) : MessageFactory.Carousel(cards, intro), cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A service path shows '{Slug}', which is not a published knowledge entry: skipped.")]
    private partial void LogMissing(string slug);
}
