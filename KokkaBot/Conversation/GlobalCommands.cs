using KokkaBot.Bot;
using KokkaBot.Bot.Dialogs;
using KokkaBot.Bot.Dialogs.Prompts;
using KokkaBot.Bot.Schema;
using KokkaBot.Conversation.Texts;
using KokkaBot.Escalation;

namespace KokkaBot.Conversation;

/// <summary>
/// Words that work anywhere in a conversation: help, menu, start over, language, talk to a person.
/// A command must be the whole message, and a button of the question being asked always wins, so
/// an answer is never mistaken for a command.
/// </summary>
public sealed class GlobalCommands(Profiles profiles, BotTexts texts) : IDialogInterruptions
{
    private enum Command { Help, Menu, StartOver, Language, Person, Resume }

    private static readonly Dictionary<string, Command> Vocabulary = BuildVocabulary();

    /// <summary>A language's own name or a word for it ("suomeksi") switches to it.</summary>
    private static readonly Dictionary<string, string> LanguageNames = Languages.All
        .SelectMany(l => l.Synonyms.Append(l.NativeName).Select(name => (Name: ChoiceRecognizer.Normalize(name), l.Code)))
        .DistinctBy(n => n.Name)
        .ToDictionary(n => n.Name, n => n.Code, StringComparer.Ordinal);

    /// <summary>The bot's own buttons ("Talk to an advisor", "Menu") in every language it speaks.</summary>
    private readonly Dictionary<string, Command> _buttons = Languages.All
        .SelectMany(l => new[] { (Key: "person.button", Command: Command.Person), (Key: "menu.button", Command: Command.Menu) }
            .Select(b => (Word: ChoiceRecognizer.Normalize(texts.For(l.Code)[b.Key]), b.Command)))
        .DistinctBy(b => b.Word)
        .ToDictionary(b => b.Word, b => b.Command, StringComparer.Ordinal);

    public async Task<bool> TryInterruptAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        var text = ChoiceRecognizer.Normalize(dc.Context.Activity.Text);
        var isLanguage = LanguageNames.TryGetValue(text, out var language);
        Command command = default;
        if (!isLanguage && !Vocabulary.TryGetValue(text, out command) && !_buttons.TryGetValue(text, out command))
            return false;
        if (IsAnswerToActivePrompt(dc, text))
            return false;
        if (isLanguage)
        {
            await ChangeLanguageAsync(dc, language!, cancellationToken);
            return true;
        }

        var turn = dc.Context;
        var t = turn.Texts();
        switch (command)
        {
            case Command.Help:
                await turn.SendActivityAsync(t["help"], cancellationToken);
                await dc.RepromptDialogAsync(cancellationToken);
                break;
            case Command.Menu:
                await dc.CancelAllDialogsAsync(cancellationToken);
                await dc.BeginDialogAsync(DialogIds.Main, null, cancellationToken);
                break;
            case Command.StartOver:
                var profile = await profiles.GetAsync(turn, cancellationToken);
                await profiles.SetAsync(turn, new UserProfile { Language = profile.Language }, cancellationToken);
                await turn.SendActivityAsync(t["start.over"], cancellationToken);
                await dc.CancelAllDialogsAsync(cancellationToken);
                await dc.BeginDialogAsync(DialogIds.Main, null, cancellationToken);
                break;
            case Command.Language:
                await turn.SendActivityAsync(MessageFactory.SuggestedActions(
                    t["language.prompt"],
                    Languages.All.Select(l => CardAction.ImBack(l.NativeName))), cancellationToken);
                break;
            case Command.Resume:
                await dc.CancelAllDialogsAsync(cancellationToken);
                await dc.BeginDialogAsync(DialogIds.Main, new MainState { Resume = true }, cancellationToken);
                break;
            case Command.Person:
                await EscalationInterruptions.BeginAsync(dc, new EscalationState { Trigger = EscalationTrigger.Explicit }, cancellationToken);
                break;
        }
        return true;
    }

    /// <summary>Switches the user's language and asks the current question again in it.</summary>
    public async Task ChangeLanguageAsync(DialogContext dc, string code, CancellationToken cancellationToken)
    {
        var turn = dc.Context;
        var profile = await profiles.GetAsync(turn, cancellationToken);
        await profiles.SetAsync(turn, profile with { Language = code }, cancellationToken);
        turn.TurnState.Set(texts.For(code));
        await turn.SendActivityAsync(turn.Texts()["language.changed"], cancellationToken);
        await dc.RepeatActiveStepAsync(cancellationToken);
    }

    private static bool IsAnswerToActivePrompt(DialogContext dc, string text) =>
        dc.ActiveDialog is { } active
        && PromptState.OptionsOf(active)?.Choices is { Count: > 0 } choices
        && ChoiceRecognizer.IsExactly(text, choices);

    private static Dictionary<string, Command> BuildVocabulary()
    {
        var words = new Dictionary<Command, string[]>
        {
            [Command.Help] = ["help", "apua", "ohje", "ohjeet", "hjälp", "помощь", "допомога", "مساعدة"],
            [Command.Menu] = ["menu", "main menu", "cancel", "back", "valikko", "päävalikko", "peruuta", "takaisin", "meny", "меню", "القائمة"],
            [Command.StartOver] = ["start over", "restart", "reset", "aloita alusta", "alusta", "börja om", "начать заново", "почати спочатку", "ابدأ من جديد"],
            [Command.Language] = ["language", "change language", "kieli", "vaihda kieli", "vaihda kieltä", "språk", "язык", "мова", "لغة"],
            [Command.Person] = ["person", "talk to a person", "human", "agent", "advisor", "adviser", "ihminen", "neuvoja", "puhu ihmiselle", "asiakaspalvelu", "människa", "человек", "людина", "شخص"],
            [Command.Resume] = ["where was i", "continue", "resume", "missä olin", "jatka", "jatketaan", "var var jag", "fortsätt", "где я остановился", "где я остановилась", "продолжить", "де я зупинився", "де я зупинилася", "продовжити", "أين توقفت", "متابعة"],
        };
        return words
            .SelectMany(p => p.Value.Select(w => (Word: ChoiceRecognizer.Normalize(w), Command: p.Key)))
            .ToDictionary(p => p.Word, p => p.Command, StringComparer.Ordinal);
    }
}
