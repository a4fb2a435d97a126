using KokkaBot.Bot;
using KokkaBot.Bot.Cards;
using KokkaBot.Bot.Schema;
using KokkaBot.Conversation;
using KokkaBot.Conversation.Texts;
using KokkaBot.Knowledge.Editing;
using KokkaBot.Knowledge.Model;
using KokkaBot.Knowledge.Search;
using KokkaBot.Knowledge.Storage;

namespace KokkaBot.Answers;

public enum AnswerOutcome { Answered, Clarified, Unknown }

/// <summary>
/// Answers a free-text question from the knowledge base: the best entry as a card; a choice when two
/// are about as good; an honest "I don't know" with a person to ask below the threshold (and the
/// question kept for coordinators). Replies come in the question's language where content exists.
/// </summary>
public sealed partial class KnowledgeAnswers(
    KnowledgeIndex index, AnswerCache cache, KnowledgeEditor editor, UnansweredLog unanswered, Profiles profiles, BotTexts texts, QuestionLanguage questionLanguage,
    TimeProvider clock, ILogger<KnowledgeAnswers> logger)
{
    public const string ShowAction = "show";
    private const int MaxChoices = 3;

    public async Task<AnswerOutcome> AnswerAsync(TurnContext turn, string question, CancellationToken cancellationToken)
    {
        var profile = await profiles.GetAsync(turn, cancellationToken);
        var language = await questionLanguage.OfAsync(turn, question, cancellationToken);
        var t = texts.For(language);
        var result = cache.Search(new SearchRequest(question, language, profile.Town) { Max = 5, Snippets = false });
        LogAnswer(question.Length, language, result.Verdict, result.Best?.Slug, result.Best?.Score ?? 0);

        switch (result.Verdict)
        {
            case SearchVerdict.Answer when index.Find(result.Best!.Slug) is { } entry:
                await turn.SendActivityAsync(MessageFactory.Attachment(
                    EntryCards.Card(entry, t, new EntryCardOptions { Question = question, OfferMore = result.Hits.Count > 1 })), cancellationToken);
                return AnswerOutcome.Answered;

            case SearchVerdict.Clarify:
                var choices = result.Hits.Take(MaxChoices)
                    .Select(h => index.Find(h.Slug)).OfType<KnowledgeEntry>()
                    .Select(e => ShowButton(EntryCards.Title(e, language), e.Slug, question))
                    .Append(CardActions.MessageBack(t["person.button"], CardSubmit.Data(EntryCards.AdvisorAction), t["person.button"]));
                await turn.SendActivityAsync(MessageFactory.SuggestedActions(t["answer.clarify"], choices), cancellationToken);
                return AnswerOutcome.Clarified;

            default:
                unanswered.Record(new UnansweredQuestion
                {
                    Text = question.Length > 1000 ? question[..1000] : question,
                    Language = language,
                    Town = profile.Town,
                    BestSlug = result.Best?.Slug,
                    BestScore = result.Best?.Score ?? 0,
                    AskedAt = clock.GetUtcNow().UtcDateTime,
                });
                await turn.SendActivityAsync(t["answer.none"], cancellationToken);
                await turn.SendActivityAsync(MessageFactory.SuggestedActions(t["answer.none.next"],
                [
                    CardActions.MessageBack(t["person.button"], CardSubmit.Data(EntryCards.AdvisorAction), t["person.button"]),
                    CardAction.ImBack(t["menu.button"]),
                ]), cancellationToken);
                return AnswerOutcome.Unknown;
        }
    }

    /// <summary>One entry the user picked from a clarifying choice.</summary>
    public async Task ShowAsync(TurnContext turn, string slug, string? question, CancellationToken cancellationToken)
    {
        var language = question is null ? turn.Texts().Language : await questionLanguage.OfAsync(turn, question, cancellationToken);
        if (index.Find(slug) is { Status: EntryStatus.Published } entry)
            await turn.SendActivityAsync(MessageFactory.Attachment(EntryCards.Card(entry, texts.For(language), new EntryCardOptions { Question = question })), cancellationToken);
        else
            await turn.SendActivityAsync(texts.For(language)["answer.more.none"], cancellationToken);
    }

    /// <summary>The next best entries for a question, after the one already shown.</summary>
    public async Task MoreAsync(TurnContext turn, string question, CancellationToken cancellationToken)
    {
        var profile = await profiles.GetAsync(turn, cancellationToken);
        var language = await questionLanguage.OfAsync(turn, question, cancellationToken);
        var t = texts.For(language);
        var more = cache.Search(new SearchRequest(question, language, profile.Town) { Max = 4, Snippets = false }).Hits
            .Skip(1)
            .Where(h => h.Score >= index.Thresholds.MinScore)
            .Select(h => index.Find(h.Slug)).OfType<KnowledgeEntry>()
            .Select(e => EntryCards.Card(e, t, new EntryCardOptions { Question = question }))
            .ToList();
        await turn.SendActivityAsync(more.Count == 0 ? MessageFactory.Text(t["answer.more.none"]) : MessageFactory.Carousel(more), cancellationToken);
    }

    public async Task FeedbackAsync(TurnContext turn, string slug, bool helpful, string? question, CancellationToken cancellationToken)
    {
        var profile = await profiles.GetAsync(turn, cancellationToken);
        var t = turn.Texts();
        await editor.RecordFeedbackAsync(new AnswerFeedback
        {
            Slug = slug,
            Helpful = helpful,
            Question = question is { Length: > 1000 } ? question[..1000] : question ?? "",
            Language = t.Language,
            Town = profile.Town,
            At = clock.GetUtcNow().UtcDateTime,
        }, cancellationToken);
        if (helpful)
            await turn.SendActivityAsync(t["feedback.thanks"], cancellationToken);
        else
            await turn.SendActivityAsync(MessageFactory.SuggestedActions(t["feedback.sorry"],
                [CardActions.MessageBack(t["person.button"], CardSubmit.Data(EntryCards.AdvisorAction), t["person.button"])]), cancellationToken);
    }

    private static CardAction ShowButton(string title, string slug, string question) =>
        CardActions.MessageBack(title, CardSubmit.Data(ShowAction, new Dictionary<string, string> { ["slug"] = slug, ["q"] = question }), title);

    [LoggerMessage(Level = LogLevel.Information, Message = "Question of {Length} characters in {Language}: {Verdict}, best {Slug} ({Score:0.00})")]
    private partial void LogAnswer(int length, string language, SearchVerdict verdict, string? slug, double score);
}
