using KokkaBot.Bot;
using KokkaBot.Conversation.Texts;
using KokkaBot.TextAnalysis;

using IMiddleware = KokkaBot.Bot.IMiddleware;

namespace KokkaBot.Conversation;

/// <summary>The language a message is written in, detected once per turn.</summary>
public sealed record MessageLanguage(string Text, DetectedLanguage Detected);

/// <summary>
/// Decides the language of each turn: the one the user chose, else the one their client asks for
/// (Web Chat's picker, Teams' locale), else the one their first message is written in, else English.
/// A supported language found this way is remembered as the user's choice, so that nobody is asked
/// what their screen already says. Every typed message's language is detected and kept for the turn:
/// a question is answered in its own language even when the conversation is in another.
/// </summary>
public sealed class LanguageMiddleware(Profiles profiles, BotTexts texts, ITextAnalyzer analyzer) : IMiddleware
{
    public async Task OnTurnAsync(TurnContext turn, Func<CancellationToken, Task> next, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        DetectedLanguage? detected = null;
        if (activity.IsMessage && !string.IsNullOrWhiteSpace(activity.Text) && activity.Value is null)
        {
            detected = await analyzer.DetectLanguageAsync(activity.Text, cancellationToken);
            turn.TurnState.Set(new MessageLanguage(activity.Text, detected));
        }

        var profile = await profiles.GetAsync(turn, cancellationToken);
        if (profile.Language is null
            && (Languages.FromLocale(activity.Locale) ?? Languages.Find(detected?.Language)) is { } language
            && texts.Has(language.Code))
        {
            profile = profile with { Language = language.Code };
            await profiles.SetAsync(turn, profile, cancellationToken);
        }
        turn.TurnState.Set(texts.For(profile.Language));
        await next(cancellationToken);
    }
}

public static class TurnTexts
{
    /// <summary>The texts in this turn's language (set by <see cref="LanguageMiddleware"/>).</summary>
    public static TextSet Texts(this TurnContext turn) =>
        turn.TurnState.Get<TextSet>() ?? throw new InvalidOperationException("The turn has no language: LanguageMiddleware did not run.");
}
