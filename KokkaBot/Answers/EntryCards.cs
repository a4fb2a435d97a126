using System.Globalization;
using KokkaBot.Bot.Cards;
using KokkaBot.Bot.Schema;
using KokkaBot.Conversation;
using KokkaBot.Conversation.Texts;
using KokkaBot.Knowledge.Model;

namespace KokkaBot.Answers;

/// <summary>What a card offers besides the facts.</summary>
public sealed record EntryCardOptions
{
    /// <summary>The question it answers: adds 👍/👎 feedback and "more results".</summary>
    public string? Question { get; init; }

    public bool OfferMore { get; init; }
}

/// <summary>
/// A knowledge entry as an Adaptive Card 1.5: title, summary, the key facts (address, phone, hours,
/// email), the source and its date, and a way forward (website, advisor, feedback). Teams and Web
/// Chat render it; the text fallback carries the same facts for channels that cannot.
/// </summary>
public static class EntryCards
{
    public const string AdvisorAction = "advisor";
    public const string MoreAction = "more";
    public const string FeedbackAction = "feedback";
    public const string EntryIdPrefix = "entry:";

    public static Attachment Card(KnowledgeEntry entry, TextSet t, EntryCardOptions? options = null)
    {
        options ??= new EntryCardOptions();
        var language = t.Language;
        var text = entry.Text(language) ?? entry.Text("en") ?? entry.Texts.First();
        var translated = text.Language == language;

        var body = new List<CardElement>
        {
            // The id names the entry, for transcripts and tests; renderers ignore it.
            new TextBlock(text.Title ?? entry.Slug) { Id = EntryIdPrefix + entry.Slug, Size = TextSize.Medium, Weight = TextWeight.Bolder, Style = TextBlockStyle.Heading },
        };
        if (!translated)
            body.Add(new TextBlock(t["answer.english-only"]) { IsSubtle = true, Size = TextSize.Small });
        if (!string.IsNullOrWhiteSpace(text.Summary))
            body.Add(new TextBlock(text.Summary));

        var facts = new List<Fact>();
        void AddFact(string key, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
                facts.Add(new Fact(t[key], value));
        }
        AddFact("card.address", entry.Contact.Address);
        AddFact("card.phone", entry.Contact.Phone);
        AddFact("card.hours", entry.Contact.OpeningHours);
        AddFact("card.email", entry.Contact.Email);
        if (facts.Count > 0)
            body.Add(new FactSet(facts));

        var checkedOn = entry.Verified.ToString("d", CultureInfo.GetCultureInfo(Culture(language)));
        body.Add(new TextBlock(t.Format("card.source", ("source", entry.Source.Name), ("date", checkedOn)))
        {
            IsSubtle = true,
            Size = TextSize.Small,
            Spacing = Spacing.Medium,
        });

        var actions = new List<AdaptiveAction>();
        if (Website(entry) is { } url)
            actions.Add(new OpenUrlAction(t["card.website"], url));
        if (options.OfferMore && options.Question is { } asked)
            actions.Add(SubmitAction.For(t["answer.more"], MoreAction, new Dictionary<string, string> { ["q"] = asked })
                .WithTeamsMessageBack(t["answer.more"]));
        actions.Add(SubmitAction.For(t["person.button"], AdvisorAction).WithTeamsMessageBack(t["person.button"]));
        // The ways forward first, then the rating: on a phone the first buttons are the ones seen.
        body.Add(new ActionSet(actions));
        if (options.Question is { } question)
        {
            body.Add(new ActionSet(
            [
                SubmitAction.For(t["card.helpful"], FeedbackAction, new Dictionary<string, string> { ["slug"] = entry.Slug, ["helpful"] = "yes", ["q"] = question })
                    .WithTeamsMessageBack(t["card.helpful"]),
                SubmitAction.For(t["card.not-helpful"], FeedbackAction, new Dictionary<string, string> { ["slug"] = entry.Slug, ["helpful"] = "no", ["q"] = question })
                    .WithTeamsMessageBack(t["card.not-helpful"]),
            ]) { Spacing = Spacing.Small });
        }

        return new AdaptiveCard
        {
            Body = body,
            Lang = language,
            Rtl = Languages.Find(language)?.RightToLeft == true ? true : null,
            FallbackText = FallbackText(text.Title ?? entry.Slug, text.Summary, facts, Website(entry)),
        }.ToAttachment();
    }

    public static string? Website(KnowledgeEntry entry) => entry.Contact.Url ?? entry.Employer?.CareersUrl ?? entry.Source.Url;

    /// <summary>The title a button shows for an entry (a clarifying choice).</summary>
    public static string Title(KnowledgeEntry entry, string language) =>
        (entry.Text(language) ?? entry.Text("en"))?.Title ?? entry.Slug;

    private static string FallbackText(string title, string? summary, List<Fact> facts, string? url) =>
        string.Join("\n", new[] { title, summary }
            .Concat(facts.Select(f => $"{f.Title}: {f.Value}"))
            .Append(url)
            .Where(s => !string.IsNullOrWhiteSpace(s)));

    private static string Culture(string language) => language switch
    {
        "fi" => "fi-FI",
        "sv" => "sv-FI",
        "ru" => "ru-RU",
        "uk" => "uk-UA",
        "ar" => "ar-EG",
        _ => "en-GB",
    };
}
