using KokkaBot.Answers;
using KokkaBot.Escalation;
using KokkaBot.Bot;
using KokkaBot.Bot.Dialogs;
using KokkaBot.Bot.Dialogs.Prompts;
using KokkaBot.Bot.Schema;
using KokkaBot.Bot.State;
using KokkaBot.Conversation.Texts;
using KokkaBot.ServicePaths;

using IMiddleware = KokkaBot.Bot.IMiddleware;

namespace KokkaBot.Conversation;

public static class ConversationSetup
{
    /// <summary>The bot, its dialogs and texts, and the turn middleware in the order each turn passes it.</summary>
    public static IServiceCollection AddKokkaConversation(this IServiceCollection services)
    {
        services.AddSingleton<BotTexts>();
        services.AddSingleton<Profiles>();
        services.AddSingleton<GlobalCommands>();
        services.AddSingleton<QuestionLanguage>();
        services.AddSingleton<AnswerCache>();
        services.AddSingleton<KnowledgeAnswers>();
        services.AddSingleton<UnansweredLog>();
        services.AddHostedService(sp => sp.GetRequiredService<UnansweredLog>());
        services.AddSingleton<AnswerInterruptions>();

        services.AddSingleton<Dialog, MainDialog>();
        services.AddSingleton<Dialog, OnboardingDialog>();
        services.AddSingleton<Dialog>(new ChoicePrompt(DialogIds.Choice));
        services.AddSingleton<Dialog>(new ConfirmPrompt(DialogIds.Confirm));
        services.AddSingleton<Dialog>(new TextPrompt(DialogIds.Text));
        services.AddSingleton(sp => new DialogSet(sp.GetServices<Dialog>())
        {
            OnFlowRestarted = (dc, _, ct) => dc.Context.SendActivityAsync(dc.Context.Texts()["flow.updated"], ct),
        });
        services.AddSingleton(sp => new DialogRunner(
            sp.GetRequiredService<DialogSet>(),
            DialogIds.Main,
            sp.GetRequiredService<ConversationState>().CreateProperty<DialogState>("dialogState"),
            // Commands first ("menu", "help"), then questions typed where a button was expected.
            new InterruptionChain(
                sp.GetRequiredService<GlobalCommands>(),
                sp.GetRequiredService<EscalationInterruptions>(),
                sp.GetRequiredService<AnswerInterruptions>())));

        // Middleware, outermost first: errors → state → language → recent lines → handoff.
        services.AddSingleton<TurnErrorReply>(sp => Apology(sp.GetRequiredService<BotTexts>()));
        services.AddSingleton<IMiddleware, TurnErrorMiddleware>();
        services.AddSingleton<IMiddleware, AutoSaveStateMiddleware>();
        services.AddSingleton<IMiddleware, LanguageMiddleware>();
        services.AddSingleton<IMiddleware, RecentTranscript>();
        // While an advisor has the conversation, the bot stays out of it.
        services.AddSingleton<IMiddleware, HandoffMiddleware>();
        services.AddSingleton<IBot, ConversationBot>();
        services.AddHostedService<ConversationStartupCheck>();
        return services;
    }

    internal static TurnErrorReply Apology(BotTexts texts) => (turn, _) =>
    {
        var t = turn.TurnState.Get<TextSet>() ?? texts.For(Languages.FromLocale(turn.Activity.Locale)?.Code);
        return MessageFactory.SuggestedActions(t["error.apology"], [CardAction.ImBack(t["menu.button"])], InputHints.AcceptingInput);
    };
}

/// <summary>Builds the bot's dialogs and texts at start-up, so that a broken definition stops the start, not a student's first turn.</summary>
internal sealed class ConversationStartupCheck(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var dialogs = services.GetRequiredService<DialogRunner>().Dialogs;
        foreach (var dialog in dialogs.All)
            _ = dialog.Version;
        services.GetRequiredService<IBot>();
        var paths = services.GetRequiredService<ServicePathCatalog>();
        var withoutPath = MainMenu.Areas.Where(a => a is not (MainMenu.Ask or MainMenu.Person) && paths.ForMenu(a) is null).ToList();
        if (withoutPath.Count > 0)
            throw new InvalidOperationException($"The main menu items {string.Join(", ", withoutPath)} have no service path in dialogs/.");
        var unknown = paths.Paths.FirstOrDefault(p => !MainMenu.Areas.Contains(p.Menu));
        if (unknown is not null)
            throw new InvalidOperationException($"Service path dialogs/{unknown.File}: menu '{unknown.Menu}' is not a main menu item ({string.Join(", ", MainMenu.Areas)}).");
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
