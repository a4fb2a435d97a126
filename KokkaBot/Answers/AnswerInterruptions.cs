using KokkaBot.Bot.Cards;
using KokkaBot.Bot.Dialogs;
using KokkaBot.Bot.Dialogs.Prompts;
using KokkaBot.Conversation;
using KokkaBot.Escalation;

namespace KokkaBot.Answers;

/// <summary>
/// Questions typed at any moment, and the buttons of answer cards. A message that does not answer
/// the question on screen (no button matches) is taken as a question: it is answered from the
/// knowledge base, and then the same question is shown again, so a path goes on where it was.
/// </summary>
public sealed class AnswerInterruptions(KnowledgeAnswers answers, UnansweredCounter unanswered) : IDialogInterruptions
{
    /// <summary>Shorter than this, an unrecognised reply is a mistyped button rather than a question.</summary>
    private const int MinQuestionLength = 3;

    public async Task<bool> TryInterruptAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        var turn = dc.Context;
        if (CardSubmit.TryGetSubmit(turn.Activity, out var value) && CardSubmit.GetAction(turn.Activity) is { } action)
        {
            var question = CardSubmit.GetString(value, "q");
            var slug = CardSubmit.GetString(value, "slug");
            switch (action)
            {
                case KnowledgeAnswers.ShowAction when slug is not null:
                    await answers.ShowAsync(turn, slug, question, cancellationToken);
                    break;
                case EntryCards.MoreAction when question is not null:
                    await answers.MoreAsync(turn, question, cancellationToken);
                    break;
                case EntryCards.FeedbackAction when slug is not null:
                    await answers.FeedbackAsync(turn, slug, CardSubmit.GetString(value, "helpful") == "yes", question, cancellationToken);
                    break;
                default:
                    return false;
            }
            await dc.RepromptDialogAsync(cancellationToken);
            return true;
        }

        var text = turn.Activity.Text?.Trim();
        if (text is null || text.Length < MinQuestionLength || !IsQuestion(dc, text))
            return false;
        var outcome = await answers.AnswerAsync(turn, text, cancellationToken);
        if (await unanswered.RecordAsync(turn, outcome, cancellationToken))
        {
            // Twice without an answer: offer a person rather than the same question again.
            await dc.BeginDialogAsync(EscalationDialog.DialogId, UnansweredCounter.Offer, cancellationToken);
            return true;
        }
        if (dc.ActiveDialog is null)
            return false; // Nothing was on screen: the conversation begins after the answer.
        await dc.RepromptDialogAsync(cancellationToken);
        return true;
    }

    /// <summary>Greetings and thanks are not questions to look up.</summary>
    private static readonly HashSet<string> SmallTalk = new[]
    {
        "hi", "hello", "hey", "hi there", "good morning", "thanks", "thank you", "thx", "ok", "okay", "bye",
        "moi", "hei", "terve", "moikka", "huomenta", "kiitos", "kiitti", "hej", "hejsan", "tack",
        "привет", "здравствуйте", "спасибо", "привіт", "дякую", "مرحبا", "السلام عليكم", "شكرا",
    }.Select(ChoiceRecognizer.Normalize).ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// At the main menu a sentence is a question even when it names a topic: "student apartment in
    /// Kotka" wants the Kotka student flats, not the start of the housing path. A topic's own name,
    /// number or a word or two still choose it.
    /// </summary>
    private static bool IsQuestionAtTheMenu(string text, IReadOnlyList<Choice> choices)
    {
        if (ChoiceRecognizer.IsExactly(text, choices))
            return false;
        return ChoiceRecognizer.Recognize(text, choices) is null || ChoiceRecognizer.Normalize(text).Split(' ').Length >= 3;
    }

    private static bool IsMainMenu(DialogContext dc) => dc.Stack is [_, { Id: DialogIds.Main }, ..];

    /// <summary>Whether the text is a question rather than an answer to what the bot just asked.</summary>
    private static bool IsQuestion(DialogContext dc, string text)
    {
        var normalized = ChoiceRecognizer.Normalize(text);
        var words = normalized.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        // "hello", "hello again", "kiitos paljon": a greeting or thanks, not a question.
        if (SmallTalk.Contains(normalized) || (words.Length is > 0 and <= 3 && SmallTalk.Contains(words[0])))
            return false;
        if (dc.ActiveDialog is not { } active)
            return true;
        if (double.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out _))
            return false;
        return active.Id switch
        {
            DialogIds.Choice when IsMainMenu(dc) => PromptState.OptionsOf(active)?.Choices is { } choices && IsQuestionAtTheMenu(text, choices),
            // Elsewhere one unknown word ("Helsinki" for a town) is a wrong answer: the prompt asks again.
            DialogIds.Choice => words.Length >= 2 && PromptState.OptionsOf(active)?.Choices is { } choices && ChoiceRecognizer.Recognize(text, choices) is null,
            DialogIds.Confirm => words.Length >= 2 && !ConfirmPrompt.IsAnswer(text),
            _ => false,
        };
    }
}
