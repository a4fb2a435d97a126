using System.Text.Json;
using KokkaBot.Bot;
using KokkaBot.Bot.Dialogs;
using KokkaBot.Bot.Schema;
using KokkaBot.Escalation;

namespace KokkaBot.Conversation;

/// <summary>
/// KokkaBot itself: greets people who join, runs the conversation's dialogs for every message, and
/// follows the web page's language picker.
/// </summary>
public sealed class ConversationBot(DialogRunner dialogs, Profiles profiles, GlobalCommands commands, HubHandoffStatus hubHandoff) : ActivityHandler
{
    /// <summary>Sent by the web chat page when the user picks a language; <c>value</c> is a language code.</summary>
    public const string SetLanguageEvent = "kokka/setLanguage";

    protected override async Task OnMembersAddedAsync(IReadOnlyList<ChannelAccount> membersAdded, TurnContext turn, CancellationToken cancellationToken)
    {
        await GreetAsync(turn, cancellationToken);
        await dialogs.RestartAsync(turn, cancellationToken);
    }

    protected override async Task OnMessageActivityAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        // Channels that never send conversationUpdate (or a first message that beats it) still get the greeting.
        var flags = await profiles.GetFlagsAsync(turn, cancellationToken);
        if (!flags.Greeted)
            await GreetAsync(turn, cancellationToken);
        await dialogs.RunAsync(turn, cancellationToken);
    }

    protected override async Task OnEventActivityAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        if (HandoffInitiation.StatusOf(turn.Activity) is { } state)
        {
            await hubHandoff.StatusAsync(turn, state, cancellationToken);
            return;
        }
        if (turn.Activity.Name == SetLanguageEvent
            && turn.Activity.Value is { ValueKind: JsonValueKind.String } value
            && Languages.Find(value.GetString()) is { } language)
        {
            var profile = await profiles.GetAsync(turn, cancellationToken);
            if (profile.Language == language.Code)
                return;
            var dc = await dialogs.CreateContextAsync(turn, cancellationToken);
            await commands.ChangeLanguageAsync(dc, language.Code, cancellationToken);
        }
    }

    private async Task GreetAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var t = turn.Texts();
        var profile = await profiles.GetAsync(turn, cancellationToken);
        var greeting = t[profile.IsOnboarded ? "greeting.returning" : "greeting"];
        if (!profile.IsOnboarded && profile.Language is not null)
            greeting += "\n\n" + t["language.hint"];
        await turn.SendActivityAsync(greeting, cancellationToken);
        await profiles.SetFlagsAsync(turn, new ConversationFlags { Greeted = true }, cancellationToken);
    }
}
