using KokkaBot.Bot;
using KokkaBot.Bot.Dialogs;
using KokkaBot.Bot.Dialogs.Prompts;
using KokkaBot.Tests.Support;

namespace KokkaBot.Tests.Bot.Dialogs;

public sealed record Booking
{
    public string? Town { get; init; }
    public int Guests { get; init; }
}

/// <summary>A waterfall across turns with typed state, child dialogs, interruptions and definition changes.</summary>
public class WaterfallDialogTests(ITestOutputHelper output)
{
    private static WaterfallDialog<Booking> BookingFlow(string id = "booking") => new(id,
    [
        AskTownAsync,
        AskGuestsAsync,
        ConfirmAsync,
    ]);

    private static Task<DialogTurnResult> AskTownAsync(WaterfallStepContext<Booking> step, CancellationToken ct) =>
        step.PromptAsync("choice", new PromptOptions
        {
            Prompt = MessageFactory.Text("town?"),
            Choices = [new Choice("kotka", "Kotka"), new Choice("imatra", "Imatra")],
        }, ct);

    private static Task<DialogTurnResult> AskGuestsAsync(WaterfallStepContext<Booking> step, CancellationToken ct)
    {
        if (step.Result is FoundChoice town)
            step.State = step.State with { Town = town.Value };
        return step.PromptAsync("number", new PromptOptions { Prompt = MessageFactory.Text("guests?") }, ct);
    }

    private static async Task<DialogTurnResult> ConfirmAsync(WaterfallStepContext<Booking> step, CancellationToken ct)
    {
        step.State = step.State with { Guests = (int)step.Result! };
        await step.Context.SendActivityAsync($"booked {step.State.Town} for {step.State.Guests}", ct);
        return await step.EndDialogAsync(step.State, ct);
    }

    private static Dialog[] Dialogs(WaterfallDialog<Booking>? booking = null) =>
        [booking ?? BookingFlow(), new ChoicePrompt("choice"), new NumberPrompt<int>("number")];

    [Fact]
    public async Task Steps_run_across_turns_and_the_typed_state_survives_between_them()
    {
        await using var client = DialogTestClient.ForDialogs(Dialogs(), "booking", output);

        Assert.Equal("town?", Assert.Single(await client.SendAsync("hello")).Text);
        Assert.Equal("guests?", Assert.Single(await client.SendAsync("imatra")).Text);
        Assert.Equal("booked imatra for 3", Assert.Single(await client.SendAsync("3")).Text);

        Assert.Equal(DialogTurnStatus.Complete, client.LastResult!.Status);
        Assert.Equal(new Booking { Town = "imatra", Guests = 3 }, client.LastResult.Result);
    }

    [Fact]
    public async Task A_restart_with_the_same_database_continues_at_the_same_step()
    {
        var database = TestDatabase.New();
        await using (var before = DialogTestClient.ForDialogs(Dialogs(), "booking", output, database: database).As("c1", "u1"))
        {
            await before.SendAsync("hello");
            await before.SendAsync("kotka");
        }

        // A new process: new dialog objects, the same saved stack.
        await using var after = DialogTestClient.ForDialogs(Dialogs(), "booking", output, database: database).As("c1", "u1");
        Assert.Equal("booked kotka for 2", Assert.Single(await after.SendAsync("2")).Text);
    }

    [Fact]
    public async Task A_changed_definition_restarts_that_flow_politely_instead_of_continuing_a_step_that_moved()
    {
        var database = TestDatabase.New();
        await using (var before = DialogTestClient.ForDialogs(Dialogs(), "booking", output, database: database).As("c1", "u1"))
        {
            await before.SendAsync("hello");
            await before.SendAsync("kotka");
        }

        // The deploy adds a step to the booking flow: its version changes.
        var changed = new WaterfallDialog<Booking>("booking", [SayWelcomeAsync, AskTownAsync, AskGuestsAsync, ConfirmAsync]);
        await using var after = DialogTestClient.ForDialogs(Dialogs(changed), "booking", output, database: database).As("c1", "u1");

        var replies = await after.SendAsync("2");

        Assert.Equal(["[restarted booking]", "welcome", "town?"], replies.Select(r => r.Text));
        Assert.Equal(DialogTurnStatus.Waiting, after.LastResult!.Status);
        Assert.Equal("guests?", Assert.Single(await after.SendAsync("imatra")).Text);

        static async Task<DialogTurnResult> SayWelcomeAsync(WaterfallStepContext<Booking> step, CancellationToken ct)
        {
            await step.Context.SendActivityAsync("welcome", ct);
            return await step.NextAsync(null, ct);
        }
    }

    [Fact]
    public async Task A_changed_child_is_asked_again_by_its_unchanged_parent()
    {
        var database = TestDatabase.New();
        await using (var before = DialogTestClient.ForDialogs(Dialogs(), "booking", output, database: database).As("c1", "u1"))
            await before.SendAsync("hello");

        // Only the prompt's version changes (say, it became a different kind of prompt).
        var dialogs = new Dialog[] { BookingFlow(), new VersionedChoicePrompt("choice", "v2"), new NumberPrompt<int>("number") };
        await using var after = DialogTestClient.ForDialogs(dialogs, "booking", output, database: database).As("c1", "u1");

        var replies = await after.SendAsync("kotka");

        Assert.Equal(["[restarted choice]", "town?"], replies.Select(r => r.Text));
        Assert.Equal("guests?", Assert.Single(await after.SendAsync("kotka")).Text);
    }

    [Fact]
    public void The_version_changes_with_the_steps_and_the_state_shape_but_not_between_builds_of_the_same_flow()
    {
        Assert.Equal(BookingFlow().Version, BookingFlow().Version);
        Assert.NotEqual(BookingFlow().Version, new WaterfallDialog<Booking>("booking", [AskTownAsync, ConfirmAsync]).Version);
        Assert.NotEqual(BookingFlow().Version, new WaterfallDialog<EmptyState>("booking", [(s, ct) => s.EndDialogAsync(null, ct)]).Version);
        Assert.Equal(["AskTownAsync", "AskGuestsAsync", "ConfirmAsync"], BookingFlow().StepNames);
    }

    [Fact]
    public async Task An_interruption_sees_the_message_first_and_the_prompt_asks_again_afterwards()
    {
        await using var client = DialogTestClient.ForDialogs(Dialogs(), "booking", output, interruptions: new HelpInterruption());
        await client.SendAsync("hello");

        var replies = await client.SendAsync("help");

        Assert.Equal(["you can pick a town", "town?"], replies.Select(r => r.Text));
        Assert.Equal("guests?", Assert.Single(await client.SendAsync("Kotka")).Text);
    }

    [Fact]
    public async Task Repeating_the_active_step_discards_the_prompt_and_runs_the_parent_step_again()
    {
        await using var client = DialogTestClient.ForDialogs(Dialogs(), "booking", output, interruptions: new RepeatInterruption());
        await client.SendAsync("hello");
        await client.SendAsync("kotka");

        Assert.Equal(["guests?"], (await client.SendAsync("again")).Select(r => r.Text));
        Assert.Equal("booked kotka for 4", Assert.Single(await client.SendAsync("4")).Text);
    }

    private sealed class HelpInterruption : IDialogInterruptions
    {
        public async Task<bool> TryInterruptAsync(DialogContext dc, CancellationToken cancellationToken)
        {
            if (dc.Context.Activity.Text != "help")
                return false;
            await dc.Context.SendActivityAsync("you can pick a town", cancellationToken);
            await dc.RepromptDialogAsync(cancellationToken);
            return true;
        }
    }

    private sealed class RepeatInterruption : IDialogInterruptions
    {
        public async Task<bool> TryInterruptAsync(DialogContext dc, CancellationToken cancellationToken)
        {
            if (dc.Context.Activity.Text != "again")
                return false;
            await dc.RepeatActiveStepAsync(cancellationToken);
            return true;
        }
    }

    private sealed class VersionedChoicePrompt(string id, string version) : Prompt<FoundChoice>(id)
    {
        private readonly ChoicePrompt _inner = new(id);

        public override string Version => version;

        public override Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options, CancellationToken cancellationToken) =>
            _inner.BeginDialogAsync(dc, options, cancellationToken);

        public override Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken) =>
            _inner.ContinueDialogAsync(dc, cancellationToken);

        protected override Task OnPromptAsync(TurnContext turn, PromptOptions options, bool isRetry, CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        protected override Task<PromptRecognizerResult<FoundChoice>> OnRecognizeAsync(TurnContext turn, PromptOptions options, CancellationToken cancellationToken) =>
            throw new NotSupportedException();
    }
}
