using KokkaBot.Bot;
using KokkaBot.Conversation.Texts;

using IMiddleware = KokkaBot.Bot.IMiddleware;

namespace KokkaBot.Conversation;

/// <summary>
/// Decides the language of each turn: the one the user chose, else the one their client asks for
/// (Web Chat's picker, Teams' locale), else English. A supported client language is remembered as
/// the user's choice, so that nobody is asked what their screen already says.
/// </summary>
public sealed class LanguageMiddleware(Profiles profiles, BotTexts texts) : IMiddleware
{
    public async Task OnTurnAsync(TurnContext turn, Func<CancellationToken, Task> next, CancellationToken cancellationToken)
    {
        var profile = await profiles.GetAsync(turn, cancellationToken);
        if (profile.Language is null && Languages.FromLocale(turn.Activity.Locale) is { } fromClient)
        {
            profile = profile with { Language = fromClient.Code };
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
