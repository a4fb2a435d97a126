using KokkaBot.Conversation.Texts;
using KokkaBot.Handoff;
using KokkaBot.Tests.Support;

namespace KokkaBot.Tests.Handoff;

/// <summary>
/// The whole handoff with nothing stood in: a student on the real Direct Line endpoint asks the bot
/// for a person, an advisor on the real SignalR hub accepts, they talk, the advisor ends, and the bot
/// asks the student for a rating; and the same across a restart of the server.
/// </summary>
public sealed class EndToEndHandoffTests
{
    private static readonly BotTexts Texts = new();

    /// <summary>The Kotka team open at any hour, so the test does not depend on the clock.</summary>
    private static readonly Dictionary<string, string?> AlwaysOpen = new[] { "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday" }
        .ToDictionary(day => $"Handoff:Teams:0:Hours:{day}", _ => (string?)"00:00-23:59")
        .Append(new KeyValuePair<string, string?>("Handoff:ClosedOnPublicHolidays", "false"))
        .ToDictionary();

    [Fact]
    public async Task A_student_asks_for_a_person_talks_with_the_advisor_and_is_handed_back_to_the_bot()
    {
        var en = Texts.For("en");
        await using var host = await HandoffTestHost.StartAsync(settings: AlwaysOpen, realBotSide: true);
        await host.CreateAdvisorAsync("anna@example.fi", "Anna Advisor", ["kotka"]);
        await using var anna = await host.ConnectAdvisorAsync("anna@example.fi");
        await using var student = await host.StartStudentAsync();
        await OnboardAsync(student, en);

        await student.SayAsync("talk to a person");
        await student.Stream.WaitForAsync(a => a.Text == en["handoff.reason.ask"]);
        await student.SayAsync("I lost my residence permit card");
        await student.Stream.WaitForAsync(a => a.Text?.StartsWith(en.Format("handoff.queued", ("position", "1")).Split('{')[0], StringComparison.Ordinal) == true);

        var queued = (await anna.WaitForQueueAsync(items => items.Any(i => i.Reason == "I lost my residence permit card"))).Single();
        Assert.Equal(("en", "kotka", "explicit"), (queued.Language, queued.Town, queued.Trigger));
        var accepted = await anna.InvokeAsync<AcceptResult>("Accept", queued.HandoffId);
        Assert.True(accepted.Accepted);
        Assert.Contains(accepted.Conversation!.Lines, l => l.From == TranscriptSender.User && l.Text == "talk to a person");
        await student.Stream.WaitForAsync(a => a.Text == en.Format("handoff.accepted", ("advisor", "Anna Advisor")));

        // The student's words reach the advisor, not the bot.
        await student.SayAsync("hello, can you help me?");
        await anna.WaitForLineAsync(queued.HandoffId, l => l.From == TranscriptSender.User && l.Text == "hello, can you help me?");
        var sent = await anna.InvokeAsync<SendResult>("Send", queued.HandoffId, "Of course. Did you report the loss to the police?");
        Assert.True(sent.Sent);
        var reply = await student.Stream.WaitForAsync(a => a.Text == "Of course. Did you report the loss to the police?");
        Assert.Equal("Anna Advisor", HandoffDelivery.AdvisorOf(reply));

        var ended = await anna.InvokeAsync<EndResult>("End", queued.HandoffId);
        Assert.True(ended.Ended);
        await student.Stream.WaitForAsync(a => a.Text == en["handoff.ended"]);
        await student.Stream.WaitForAsync(a => a.Text == en["handoff.rate"]);
        await student.SayAsync("⭐⭐⭐⭐⭐ 5");
        await student.Stream.WaitForAsync(a => a.Text == en["handoff.rate.thanks"]);
        await student.Stream.WaitForAsync(a => a.Text == en["menu.prompt.again"]);
    }

    [Fact]
    public async Task A_restart_in_the_middle_of_a_handoff_keeps_the_conversation_with_the_advisor()
    {
        var en = Texts.For("en");
        var data = KokkaTestHost.NewDataDirectory();
        long handoffId;
        string conversationId, token;
        await using (var host = await HandoffTestHost.StartAsync(data, AlwaysOpen, realBotSide: true))
        {
            await host.CreateAdvisorAsync("anna@example.fi", "Anna Advisor", ["kotka"]);
            await using var anna = await host.ConnectAdvisorAsync("anna@example.fi");
            await using var student = await host.StartStudentAsync();
            (conversationId, token) = (student.ConversationId, student.Token);
            await OnboardAsync(student, en);
            await student.SayAsync("talk to a person");
            await student.Stream.WaitForAsync(a => a.Text == en["handoff.reason.ask"]);
            await student.SayAsync("tax card");
            var queued = (await anna.WaitForQueueAsync(items => items.Count == 1)).Single();
            handoffId = queued.HandoffId;
            Assert.True((await anna.InvokeAsync<AcceptResult>("Accept", handoffId)).Accepted);
            await student.Stream.WaitForAsync(a => a.Text == en.Format("handoff.accepted", ("advisor", "Anna Advisor")));
        }

        await using var restarted = await HandoffTestHost.StartAsync(data, AlwaysOpen, realBotSide: true);
        await using var again = await restarted.ConnectAdvisorAsync("anna@example.fi");
        var mine = await again.InvokeAsync<ConversationView[]>("GetMine");
        Assert.Equal(handoffId, Assert.Single(mine).Handoff.Id);

        // The student's next message still goes to the advisor, not to the bot.
        var client = new DirectLineTestClient(restarted.Http);
        await client.PostActivityAsync(conversationId, token, new KokkaBot.Bot.Schema.Activity
        {
            Type = "message", Text = "are you still there?", From = new KokkaBot.Bot.Schema.ChannelAccount { Id = "student" },
        });
        await again.WaitForLineAsync(handoffId, l => l.From == TranscriptSender.User && l.Text == "are you still there?");
        var log = await client.GetActivitiesAsync(conversationId, token);
        Assert.DoesNotContain(log.Activities.SkipWhile(a => a.Text != "are you still there?").Skip(1), a => a.From?.Role == "bot");
    }

    private static async Task OnboardAsync(Student student, TextSet en)
    {
        await student.Stream.WaitForAsync(a => a.Text?.Contains(en["role.prompt"], StringComparison.Ordinal) == true);
        await student.SayAsync(en["role.student"]);
        await student.Stream.WaitForAsync(a => a.Text == en["town.prompt"]);
        await student.SayAsync("Kotka");
        await student.Stream.WaitForAsync(a => a.Text == en["menu.prompt"]);
    }
}
