using System.Text.Json;
using KokkaBot.Bot.Schema;
using KokkaBot.Escalation;
using KokkaBot.Handoff;
using KokkaBot.Tests.Conversation;
using KokkaBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace KokkaBot.Tests.Escalation;

/// <summary>
/// When and how the bot brings in a person: asked for in words or with a button, after two questions
/// it could not answer, on frustration, on sensitive topics (safety first); the queue, silence while
/// the advisor talks, leaving the queue, a message out of hours, and the rating after.
/// </summary>
public sealed class EscalationTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("en-US", "talk to a person")]
    [InlineData("en-US", "I want to talk to a human please")]
    [InlineData("fi-FI", "haluan puhua ihmisen kanssa")]
    [InlineData("fi-FI", "neuvoja")]
    [InlineData("ru-RU", "хочу поговорить с человеком")]
    public async Task Asking_for_a_person_queues_the_conversation_with_its_reason_and_recent_lines(string locale, string request)
    {
        await using var bot = await OnboardingTests.OnboardedAsync(output, "Kotka", locale);
        var t = bot.Texts(locale[..2]);
        var handoffs = Fake(bot);

        var asked = await bot.SendAsync(request);
        Assert.Equal([t["handoff.ok"], t["handoff.reason.ask"]], asked.Texts());

        var queued = await bot.SendAsync("My residence permit card has not arrived");
        Assert.Equal(t.Format("handoff.queued", ("team", "MOONA Kotka"), ("position", "1"), ("minutes", "4")), queued[0].Text);
        Assert.Equal(t["handoff.next"], queued[1].Text);

        var sent = Assert.Single(handoffs.Requests);
        Assert.Equal(("My residence permit card has not arrived", locale[..2], "kotka", EscalationTrigger.Explicit), (sent.Reason, sent.Language, sent.Town, sent.Trigger));
        Assert.Equal(bot.ConversationId, sent.Reference.Conversation.Id);
        Assert.Contains(sent.Transcript, line => line.From == TranscriptSender.User && line.Text == request);
        Assert.Contains(sent.Transcript, line => line.From == TranscriptSender.Bot);

        // The advisor has the conversation: the bot is silent, the message goes to the advisor.
        Assert.Empty(await bot.SendAsync("hello, is anyone there?"));
        Assert.Equal((bot.ConversationId, "hello, is anyone there?"), handoffs.Forwarded.Single());
        Assert.Empty(await bot.SendActivityAsync(new Activity { Type = ActivityTypes.Typing }));
        Assert.Equal(1, handoffs.Typing);
    }

    [Fact]
    public async Task A_waiting_user_can_leave_the_queue_and_leave_a_message_instead()
    {
        await using var bot = await OnboardingTests.OnboardedAsync(output, "Hamina");
        var t = bot.Texts();
        var handoffs = Fake(bot);
        await bot.SendAsync("person");
        await bot.SendAsync("help with daycare");

        var cancelled = Assert.Single(await bot.SendAsync(t["handoff.cancel.button"]));
        Assert.Equal(t["handoff.cancelled"], cancelled.Text);
        Assert.Equal([t["handoff.leave-message"], t["menu.button"]], cancelled.Buttons());
        Assert.Equal(bot.ConversationId, handoffs.Cancelled.Single());

        var message = await bot.SendActivityAsync(new Activity { Type = ActivityTypes.Message, Value = JsonSerializer.SerializeToElement(new { action = "ticket" }) });
        Assert.Equal(t["handoff.ticket.message"], message[^1].Text);
        await bot.SendAsync("Please call me about daycare places in Hamina");
        await bot.SendAsync("no");
        Assert.Equal("Please call me about daycare places in Hamina", handoffs.Tickets.Single().Message);
        Assert.Null(handoffs.Tickets.Single().Contact);
    }

    [Fact]
    public async Task The_advisor_button_of_an_answer_card_asks_for_a_person()
    {
        await using var bot = await OnboardingTests.OnboardedAsync(output, "Kouvola");
        var t = bot.Texts();

        var replies = await bot.SendActivityAsync(new Activity { Type = ActivityTypes.Message, Value = JsonSerializer.SerializeToElement(new { action = "advisor" }) });

        Assert.Equal([t["handoff.ok"], t["handoff.reason.ask"]], replies.Texts());
    }

    [Fact]
    public async Task Two_unanswered_questions_in_a_row_bring_the_offer_of_a_person()
    {
        await using var bot = await OnboardingTests.OnboardedAsync(output, "Imatra");
        var t = bot.Texts();

        var first = await bot.SendAsync("what is the capital of australia");
        Assert.Equal(t["answer.none"], first[0].Text);
        var second = await bot.SendAsync("best pizza recipe in the world");
        Assert.Equal(t["answer.none"], second[0].Text);
        Assert.Contains(t["handoff.unanswered"], second.Texts());
        Assert.Equal(t["handoff.offer"], second[^1].Text);

        var yes = await bot.SendAsync("yes");
        Assert.Equal(t["handoff.reason.ask"], yes[^1].Text);
        await bot.SendAsync("nobody knows");
        Assert.Equal(EscalationTrigger.Unanswered, Fake(bot).Requests.Single().Trigger);
    }

    [Theory]
    [InlineData("en-US", "my residence permit was rejected what can i do", "handoff.safety.permitrejected")]
    [InlineData("en-US", "my husband hits me", "handoff.safety.abuse")]
    [InlineData("fi-FI", "en jaksa elää enää", "handoff.safety.crisis")]
    [InlineData("ar-SA", "أريد أن أموت", "handoff.safety.crisis")]
    public async Task A_sensitive_topic_gets_the_safety_information_first_then_the_offer(string locale, string message, string safety)
    {
        await using var bot = await OnboardingTests.OnboardedAsync(output, "Lappeenranta", locale);
        var t = bot.Texts(locale[..2]);

        var replies = await bot.SendAsync(message);

        Assert.Equal([t[safety], t["handoff.offer"]], replies.Texts());
        await bot.SendAsync(ConfirmYes(locale));
        await bot.SendAsync("reason");
        Assert.Equal(("sensitive", EscalationTrigger.Sensitive), (Fake(bot).Requests.Single().Topic, Fake(bot).Requests.Single().Trigger));
    }

    [Fact]
    public void Crisis_safety_information_names_the_emergency_number_and_a_crisis_line()
    {
        var t = new KokkaBot.Conversation.Texts.BotTexts().For("en");
        Assert.Contains("112", t["handoff.safety.crisis"]);
        Assert.Contains("09 2525 0111", t["handoff.safety.crisis"]);
        Assert.Contains("116117", t["handoff.safety.crisis"]);
    }

    [Fact]
    public async Task Strong_frustration_brings_the_offer_of_a_person()
    {
        await using var bot = await OnboardingTests.OnboardedAsync(output, "Kotka");
        var t = bot.Texts();

        var replies = await bot.SendAsync("this is useless, nothing works and I hate this stupid bot");

        Assert.Equal([t["handoff.frustration"], t["handoff.offer"]], replies.Texts());
    }

    [Fact]
    public async Task Out_of_hours_the_user_leaves_a_message_with_contact_details_given_with_consent()
    {
        await using var bot = await OnboardingTests.OnboardedAsync(output, "Kotka");
        var t = bot.Texts();
        var handoffs = Fake(bot);
        handoffs.Now = handoffs.Now with { IsOpen = false, NextOpening = DateTimeOffset.UtcNow.AddDays(2) };

        var closed = await bot.SendAsync("talk to a person");
        Assert.StartsWith(t["handoff.closed"].Split('{')[0], closed[1].Text);
        Assert.Equal(t["handoff.ticket.offer"], closed[^1].Text);

        await bot.SendAsync("yes");
        Assert.Equal(t["handoff.ticket.consent"], (await bot.SendAsync("I need help with my tax card"))[^1].Text);
        Assert.Equal(t["handoff.ticket.contact"], (await bot.SendAsync("yes"))[^1].Text);
        Assert.Equal(t["handoff.ticket.contact.retry"], (await bot.SendAsync("tomorrow"))[^1].Text);
        var saved = await bot.SendAsync("student@example.com");

        Assert.StartsWith(t.Format("handoff.ticket.saved.contact", ("number", "1")), saved[0].Text);
        Assert.Equal(t["menu.prompt"], saved[^1].Text);
        var ticket = Assert.Single(handoffs.Tickets);
        Assert.Equal(("I need help with my tax card", "student@example.com", "kotka"), (ticket.Message, ticket.Contact, ticket.Town));
        Assert.Empty(handoffs.Requests);
    }

    [Fact]
    public async Task Handed_back_the_bot_speaks_again_and_asks_for_a_rating()
    {
        await using var bot = await OnboardingTests.OnboardedAsync(output, "Kotka");
        var t = bot.Texts();
        var handoffs = Fake(bot);
        await bot.SendAsync("talk to a person");
        await bot.SendAsync("tax card question");
        var notifications = bot.Services.GetRequiredService<IHandoffNotifications>();

        var accepted = await bot.ContinueAsync((turn, ct) => notifications.AcceptedAsync(turn, 101, "Anna", ct));
        Assert.Equal(t.Format("handoff.accepted", ("advisor", "Anna")), Assert.Single(accepted).Text);
        Assert.Empty(await bot.SendAsync("thank you Anna"));

        var ended = await bot.ContinueAsync((turn, ct) => notifications.EndedAsync(turn, 101, ct));
        Assert.Equal([t["handoff.ended"], t["handoff.rate"]], ended.Texts());
        Assert.Equal(6, ended[^1].Buttons().Count);

        var thanks = await bot.SendAsync("⭐⭐⭐⭐ 4");
        Assert.Equal((101L, 4), handoffs.Ratings.Single());
        Assert.Equal([t["handoff.rate.thanks"], t["menu.prompt.again"]], thanks.Texts());
        // The bot answers again.
        Assert.NotEmpty(await bot.SendAsync("help"));
    }

    [Fact]
    public void Contact_details_must_look_like_an_email_address_or_a_phone_number()
    {
        Assert.True(EscalationDialog.IsContact("student@example.com"));
        Assert.True(EscalationDialog.IsContact("+358 40 123 4567"));
        Assert.True(EscalationDialog.IsContact("040-1234567"));
        Assert.False(EscalationDialog.IsContact("tomorrow"));
        Assert.False(EscalationDialog.IsContact("12"));
        Assert.False(EscalationDialog.IsContact("me@"));
    }

    private static string ConfirmYes(string locale) => locale[..2] switch { "fi" => "kyllä", "ar" => "نعم", _ => "yes" };

    private static FakeHandoffService Fake(DialogTestClient bot) => bot.Services.GetRequiredService<FakeHandoffService>();
}

/// <summary>
/// The Bot Framework handoff protocol (protocols.md §6) for a contact-centre hub that replaces our
/// console (Escalation:Mode = Hub): handoff.initiate with the transcript, handoff.status back.
/// </summary>
public sealed class HubHandoffProtocolTests(ITestOutputHelper output)
{
    private static readonly Dictionary<string, string?> HubMode = new() { ["Escalation:Mode"] = "Hub" };

    [Fact]
    public async Task The_bot_sends_handoff_initiate_with_the_transcript_and_follows_handoff_status()
    {
        await using var bot = DialogTestClient.ForKokka(output, settings: HubMode);
        var t = bot.Texts();
        await bot.JoinAsync();
        await bot.SendAsync(t["role.student"]);
        await bot.SendAsync("Kotka");
        await bot.SendAsync("talk to a person");

        var replies = await bot.SendAsync("my tax card is wrong");

        var initiate = Assert.Single(replies, r => r.Type == ActivityTypes.Event);
        Assert.Equal(HandoffInitiation.InitiateEvent, initiate.Name);
        Assert.Equal(bot.ConversationId, initiate.Conversation!.Id);
        Assert.Equal(bot.ConversationId, initiate.RelatesTo!.Conversation.Id);
        Assert.Equal("my tax card is wrong", initiate.Value!.Value.GetProperty("MessageToAgent").GetString());
        var transcript = Assert.Single(initiate.Attachments!);
        Assert.Equal(("application/json", "Transcript"), (transcript.ContentType, transcript.Name));
        var lines = transcript.Content!.Value.GetProperty("activities").EnumerateArray().ToList();
        Assert.Contains(lines, l => l.GetProperty("text").GetString() == "talk to a person");
        Assert.Equal(t["handoff.hub.queued"], replies[^1].Text);
        Assert.Empty(Fake(bot).Requests);

        // The hub has the conversation: the bot keeps out of it.
        Assert.Empty(await bot.SendAsync("hello?"));
        Assert.Empty(await bot.SendActivityAsync(Status("accepted")));
        Assert.Empty(await bot.SendAsync("thanks"));

        var back = await bot.SendActivityAsync(Status("completed"));
        Assert.Equal([t["handoff.ended"], t["handoff.rate"]], back.Texts());
    }

    [Fact]
    public async Task A_failed_hub_handoff_says_so_and_offers_a_message()
    {
        await using var bot = DialogTestClient.ForKokka(output, settings: HubMode);
        var t = bot.Texts();
        await bot.JoinAsync();
        await bot.SendAsync(t["role.graduate"]);
        await bot.SendAsync("Imatra");
        await bot.SendAsync("talk to a person");
        await bot.SendAsync("work permit question");

        var failed = Assert.Single(await bot.SendActivityAsync(Status("failed")));

        Assert.Equal(t["handoff.failed"], failed.Text);
        Assert.Equal([t["handoff.leave-message"], t["menu.button"]], failed.Buttons());
        Assert.NotEmpty(await bot.SendAsync("help"));
    }

    [Fact]
    public async Task A_handoff_status_the_bot_did_not_ask_for_is_accepted_and_ignored()
    {
        await using var bot = DialogTestClient.ForKokka(output);
        await bot.JoinAsync();

        Assert.Empty(await bot.SendActivityAsync(Status("completed")));
    }

    private static Activity Status(string state) => new()
    {
        Type = ActivityTypes.Event,
        Name = HandoffInitiation.StatusEvent,
        Value = JsonSerializer.SerializeToElement(new { state }),
    };

    private static FakeHandoffService Fake(DialogTestClient bot) => bot.Services.GetRequiredService<FakeHandoffService>();
}
