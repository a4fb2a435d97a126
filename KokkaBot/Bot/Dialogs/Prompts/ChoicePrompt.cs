using KokkaBot.Bot.Schema;

namespace KokkaBot.Bot.Dialogs.Prompts;

/// <summary>
/// Asks the user to pick one of a few options, shown as buttons (suggested actions) so nobody has
/// to type; typed answers are recognised by <see cref="ChoiceRecognizer"/>.
/// </summary>
public sealed class ChoicePrompt(string id, PromptValidator<FoundChoice>? validator = null) : Prompt<FoundChoice>(id, validator)
{
    protected override Task OnPromptAsync(TurnContext turn, PromptOptions options, bool isRetry, CancellationToken cancellationToken)
    {
        var prompt = PromptActivity(options, isRetry);
        var buttons = (options.Choices ?? []).Select(c => CardAction.ImBack(c.Display)).ToArray();
        return turn.SendActivityAsync(prompt with
        {
            InputHint = InputHints.ExpectingInput,
            SuggestedActions = buttons.Length > 0 ? new SuggestedActions { Actions = buttons } : prompt.SuggestedActions,
        }, cancellationToken);
    }

    protected override Task<PromptRecognizerResult<FoundChoice>> OnRecognizeAsync(TurnContext turn, PromptOptions options, CancellationToken cancellationToken)
    {
        var found = ChoiceRecognizer.Recognize(ChoiceRecognizer.TextOf(turn.Activity), options.Choices ?? []);
        return Task.FromResult(found is null ? new PromptRecognizerResult<FoundChoice>(false) : new PromptRecognizerResult<FoundChoice>(true, found));
    }
}

/// <summary>A yes/no question with buttons in the user's language; understands yes and no in every language we serve.</summary>
public sealed class ConfirmPrompt(string id, PromptValidator<bool>? validator = null) : Prompt<bool>(id, validator)
{
    private static readonly Dictionary<string, (string Yes, string No)> Labels = new(StringComparer.Ordinal)
    {
        ["en"] = ("Yes", "No"),
        ["fi"] = ("Kyllä", "Ei"),
        ["sv"] = ("Ja", "Nej"),
        ["ru"] = ("Да", "Нет"),
        ["uk"] = ("Так", "Ні"),
        ["ar"] = ("نعم", "لا"),
    };

    private static readonly Choice[] Answers =
    [
        new("yes", "yes", ["y", "yeah", "yep", "yup", "sure", "ok", "okay", "of course", "kyllä", "joo", "juu", "jep", "k", "kyl", "totta kai", "ja", "japp", "да", "ага", "так", "نعم", "أجل"]),
        new("no", "no", ["n", "nope", "nah", "not", "no thanks", "ei", "en", "eipä", "ei kiitos", "nej", "нет", "ні", "لا", "كلا"]),
    ];

    /// <summary>Whether a text answers a yes/no question, in any language we serve.</summary>
    public static bool IsAnswer(string? text)
    {
        var normalized = ChoiceRecognizer.Normalize(text);
        return Labels.Values.Any(l => normalized == ChoiceRecognizer.Normalize(l.Yes) || normalized == ChoiceRecognizer.Normalize(l.No))
            || ChoiceRecognizer.Recognize(text, Answers) is not null;
    }

    public static (string Yes, string No) LabelsFor(string language) =>
        Labels.TryGetValue(language, out var labels) ? labels : Labels["en"];

    protected override Task OnPromptAsync(TurnContext turn, PromptOptions options, bool isRetry, CancellationToken cancellationToken)
    {
        var (yes, no) = LabelsFor(LanguageOf(turn, options));
        return turn.SendActivityAsync(PromptActivity(options, isRetry) with
        {
            InputHint = InputHints.ExpectingInput,
            SuggestedActions = new SuggestedActions { Actions = [CardAction.ImBack(yes), CardAction.ImBack(no)] },
        }, cancellationToken);
    }

    protected override Task<PromptRecognizerResult<bool>> OnRecognizeAsync(TurnContext turn, PromptOptions options, CancellationToken cancellationToken)
    {
        var text = ChoiceRecognizer.TextOf(turn.Activity);
        // The shown labels count as answers too, whatever language they are in.
        var (yes, no) = LabelsFor(LanguageOf(turn, options));
        var normalized = ChoiceRecognizer.Normalize(text);
        if (normalized == ChoiceRecognizer.Normalize(yes))
            return Task.FromResult(new PromptRecognizerResult<bool>(true, true));
        if (normalized == ChoiceRecognizer.Normalize(no))
            return Task.FromResult(new PromptRecognizerResult<bool>(true, false));

        var found = ChoiceRecognizer.Recognize(text, Answers);
        return Task.FromResult(found is null
            ? new PromptRecognizerResult<bool>(false)
            : new PromptRecognizerResult<bool>(true, found.Value == "yes"));
    }
}
