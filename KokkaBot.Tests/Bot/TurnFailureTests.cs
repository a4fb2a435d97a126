using KokkaBot.Bot;
using KokkaBot.Bot.Dialogs;
using KokkaBot.Bot.Dialogs.Prompts;
using KokkaBot.Tests.Bot.Dialogs;
using KokkaBot.Tests.Support;

namespace KokkaBot.Tests.Bot;

/// <summary>A turn that fails is logged, the user hears an apology, and the conversation stays where it was.</summary>
public class TurnFailureTests(ITestOutputHelper output)
{
    private static readonly WaterfallDialog<EmptyState> Fragile = new("fragile",
    [
        (step, ct) => step.PromptAsync("text", new PromptOptions { Prompt = MessageFactory.Text("say something") }, ct),
        async (step, ct) =>
        {
            if ((string)step.Result! == "boom")
            {
                // Sent before the failure: the user already saw it, but nothing of this turn is saved.
                await step.Context.SendActivityAsync("working on it", ct);
                throw new InvalidOperationException("the knowledge base is down");
            }
            await step.Context.SendActivityAsync($"you said {step.Result}", ct);
            return await step.EndDialogAsync(null, ct);
        },
    ]);

    [Fact]
    public async Task The_user_gets_an_apology_and_the_next_turn_continues_from_the_last_saved_state()
    {
        await using var bot = DialogTestClient.ForDialogs([Fragile, new TextPrompt("text")], "fragile", output);
        await bot.SendAsync("start");

        var failed = await bot.SendAsync("boom");

        Assert.Equal(["working on it", "[sorry: the knowledge base is down]"], failed.Select(a => a.Text));
        // The prompt is still waiting: the failed turn changed nothing.
        Assert.Equal("you said fine", Assert.Single(await bot.SendAsync("fine")).Text);
    }

    [Fact]
    public void KokkaBot_apologises_in_the_users_language_with_a_way_back_to_the_menu()
    {
        var texts = new KokkaBot.Conversation.Texts.BotTexts();
        var reply = KokkaBot.Conversation.ConversationSetup.Apology(texts);
        var turn = new TurnContext(null!, new KokkaBot.Bot.Schema.Activity { Type = "message", Locale = "fi-FI" });

        var apology = reply(turn, new InvalidOperationException());

        var fi = texts.For("fi");
        Assert.Equal(fi["error.apology"], apology.Text);
        Assert.Equal(fi["menu.button"], Assert.Single(apology.SuggestedActions!.Actions).Title);
    }
}
