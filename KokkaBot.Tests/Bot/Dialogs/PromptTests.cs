using KokkaBot.Bot;
using KokkaBot.Bot.Dialogs;
using KokkaBot.Bot.Dialogs.Prompts;
using KokkaBot.Bot.Schema;
using KokkaBot.Tests.Support;

namespace KokkaBot.Tests.Bot.Dialogs;

/// <summary>Each prompt asks, recognises, and asks again with its retry prompt until it gets an answer.</summary>
public class PromptTests(ITestOutputHelper output)
{
    private static readonly Activity Ask = MessageFactory.Text("question");
    private static readonly Activity Retry = MessageFactory.Text("retry");

    [Fact]
    public async Task Choice_prompt_shows_buttons_and_retries_until_a_choice_is_recognised()
    {
        await using var client = DialogTestClient.ForDialogs([Asking("choice", new PromptOptions
        {
            Prompt = Ask,
            RetryPrompt = Retry,
            Choices = [new Choice("tea", "Tea"), new Choice("coffee", "Coffee")],
        }), new ChoicePrompt("choice")], "root", output);

        var first = Assert.Single(await client.SendAsync("hi"));
        Assert.Equal("question", first.Text);
        Assert.Equal(["Tea", "Coffee"], first.SuggestedActions!.Actions.Select(a => a.Title));
        Assert.All(first.SuggestedActions.Actions, a => Assert.Equal(ActionTypes.ImBack, a.Type));
        Assert.Equal(InputHints.ExpectingInput, first.InputHint);

        var retry = Assert.Single(await client.SendAsync("water"));
        Assert.Equal("retry", retry.Text);
        Assert.NotNull(retry.SuggestedActions);
        Assert.Equal(DialogTurnStatus.Waiting, client.LastResult!.Status);

        var answer = Assert.Single(await client.SendAsync("2"));
        Assert.Equal("answer: coffee (index 1)", answer.Text);
    }

    [Theory]
    [InlineData("yes", true)]
    [InlineData("Kyllä", true)]
    [InlineData("joo", true)]
    [InlineData("no thanks", false)]
    [InlineData("ei", false)]
    [InlineData("Nej", false)]
    [InlineData("да", true)]
    public async Task Confirm_prompt_understands_yes_and_no_in_our_languages(string answer, bool expected)
    {
        await using var client = DialogTestClient.ForDialogs([Asking("confirm", new PromptOptions { Prompt = Ask, RetryPrompt = Retry, Locale = "fi" }), new ConfirmPrompt("confirm")], "root", output);

        var question = Assert.Single(await client.SendAsync("start"));
        Assert.Equal(["Kyllä", "Ei"], question.SuggestedActions!.Actions.Select(a => a.Title));

        Assert.Equal("retry", Assert.Single(await client.SendAsync("perhaps")).Text);
        Assert.Equal($"answer: {expected}", Assert.Single(await client.SendAsync(answer)).Text);
    }

    [Theory]
    [InlineData("2,5", "fi-FI", 2.5)]
    [InlineData("2.5", "en-US", 2.5)]
    [InlineData("I have 1,200 euros", "en-US", 1200)]
    [InlineData("vuokra on 1 200 euroa", "fi-FI", 1200)]
    [InlineData("-3", "en-US", -3)]
    public void Number_recognition_reads_decimals_the_way_the_language_writes_them(string text, string locale, double expected)
    {
        Assert.True(NumberRecognizer.TryParse<double>(text, locale, out var value));
        Assert.Equal(expected, value);
    }

    [Fact]
    public async Task Number_prompt_with_a_validator_retries_until_the_number_is_acceptable()
    {
        var validated = 0;
        PromptValidator<int> adultAge = (prompt, _) =>
        {
            validated++;
            return Task.FromResult(prompt.Recognized is { Succeeded: true, Value: >= 18 and < 120 });
        };
        await using var client = DialogTestClient.ForDialogs([Asking("number", new PromptOptions { Prompt = Ask, RetryPrompt = Retry }), new NumberPrompt<int>("number", adultAge)], "root", output);

        await client.SendAsync("start");
        Assert.Equal("retry", Assert.Single(await client.SendAsync("no idea")).Text);
        Assert.Equal("retry", Assert.Single(await client.SendAsync("I am 12")).Text);
        Assert.Equal("answer: 34", Assert.Single(await client.SendAsync("34 years")).Text);
        Assert.Equal(3, validated);
    }

    [Fact]
    public async Task Text_prompt_takes_any_text_but_not_an_empty_message()
    {
        await using var client = DialogTestClient.ForDialogs([Asking("text", new PromptOptions { Prompt = Ask, RetryPrompt = Retry }), new TextPrompt("text")], "root", output);

        await client.SendAsync("start");
        Assert.Equal("retry", Assert.Single(await client.SendActivityAsync(new Activity { Type = ActivityTypes.Message, Text = "   " })).Text);
        Assert.Equal("answer: Anna Virtanen", Assert.Single(await client.SendAsync(" Anna Virtanen ")).Text);
    }

    [Fact]
    public async Task A_prompt_ignores_activities_that_are_not_messages()
    {
        await using var client = DialogTestClient.ForDialogs([Asking("text", new PromptOptions { Prompt = Ask, RetryPrompt = Retry }), new TextPrompt("text")], "root", output);
        await client.SendAsync("start");

        Assert.Empty(await client.SendActivityAsync(new Activity { Type = ActivityTypes.Typing }));
        Assert.Equal("answer: later", Assert.Single(await client.SendAsync("later")).Text);
    }

    [Fact]
    public async Task A_card_submit_value_answers_a_choice_prompt()
    {
        await using var client = DialogTestClient.ForDialogs([Asking("choice", new PromptOptions
        {
            Prompt = Ask,
            Choices = [new Choice("tea", "Tea"), new Choice("coffee", "Coffee")],
        }), new ChoicePrompt("choice")], "root", output);
        await client.SendAsync("start");

        var submit = new Activity { Type = ActivityTypes.Message, Value = System.Text.Json.JsonSerializer.SerializeToElement(new { choice = "tea" }) };

        Assert.Equal("answer: tea (index 0)", Assert.Single(await client.SendActivityAsync(submit)).Text);
    }

    /// <summary>A root waterfall that asks one prompt and echoes the answer.</summary>
    private static WaterfallDialog<EmptyState> Asking(string promptId, PromptOptions options) => new("root",
    [
        (step, ct) => step.PromptAsync(promptId, options, ct),
        async (step, ct) =>
        {
            var text = step.Result switch
            {
                FoundChoice choice => $"answer: {choice.Value} (index {choice.Index})",
                bool yes => $"answer: {yes}",
                _ => $"answer: {step.Result}",
            };
            await step.Context.SendActivityAsync(text, ct);
            return await step.EndDialogAsync(step.Result, ct);
        },
    ]);
}

public sealed record EmptyState;
