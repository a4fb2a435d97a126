using KokkaBot.Bot;
using KokkaBot.Conversation;
using KokkaBot.Conversation.Texts;
using KokkaBot.TextAnalysis;

namespace KokkaBot.Answers;

/// <summary>
/// The language to answer a question in: the one it is written in, when the analyzer is sure and we
/// speak it; otherwise the conversation's language. A Russian question in an English conversation
/// gets a Russian answer, without changing the user's chosen language.
/// </summary>
public sealed class QuestionLanguage(ITextAnalyzer analyzer, BotTexts texts)
{
    public async Task<string> OfAsync(TurnContext turn, string question, CancellationToken cancellationToken)
    {
        // LanguageMiddleware has usually detected it already; a question from a card button has not.
        DetectedLanguage detected;
        if (turn.TurnState.Get<MessageLanguage>() is { } message && message.Text == question)
            detected = message.Detected;
        else
        {
            detected = await analyzer.DetectLanguageAsync(question, cancellationToken);
            turn.TurnState.Set(new MessageLanguage(question, detected));
        }
        return detected.Language is { } code && Languages.Find(code) is not null && texts.Has(code)
            ? code
            : turn.Texts().Language;
    }
}
