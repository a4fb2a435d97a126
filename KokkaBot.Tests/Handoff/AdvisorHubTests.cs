using KokkaBot.Bot.Schema;
using KokkaBot.Handoff;
using KokkaBot.Storage;
using KokkaBot.Tests.Support;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KokkaBot.Tests.Handoff;

/// <summary>Advisors on the real SignalR hub, students on real Direct Line, one Kestrel host with its own SQLite file.</summary>
public class AdvisorHubTests
{
    [Fact]
    public async Task An_advisor_takes_a_queued_conversation_talks_with_the_student_and_hands_it_back()
    {
        await using var host = await HandoffTestHost.StartAsync();
        await host.CreateAdvisorAsync("anna@example.fi", "Anna Advisor", ["kotka"]);
        await using var anna = await host.ConnectAdvisorAsync("anna@example.fi");
        await using var student = await host.StartStudentAsync();
        Assert.Equal(DirectLineAdapterChannel, student.Reference.ChannelId);

        // The bot side hands off; the advisor sees it appear.
        var place = await host.Handoffs.EnqueueAsync(HandoffTestHost.Request(student.Reference), TestContext.Current.CancellationToken);
        Assert.Equal("moona-kotka", place.TeamId);
        Assert.Equal(1, place.Position);
        var queue = await anna.WaitForQueueAsync(items => items.Any(i => i.HandoffId == place.HandoffId));
        var item = Assert.Single(queue);
        Assert.Equal(("kotka", "housing", "explicit"), (item.Town, item.Topic, item.Trigger));
        Assert.Equal(HandoffStatus.Queued, await host.Handoffs.StatusAsync(student.ConversationId, TestContext.Current.CancellationToken));

        var accepted = await anna.InvokeAsync<AcceptResult>("Accept", place.HandoffId);
        Assert.True(accepted.Accepted, accepted.Reason);
        Assert.Equal("Active", accepted.Conversation!.Handoff.Status);
        Assert.Equal("Anna Advisor", accepted.Conversation.Handoff.AdvisorName);
        // The bot's transcript came with the request.
        Assert.Equal(["hello", "Hi! I am KokkaBot.", "I want to talk to a person"],
            accepted.Conversation.Lines.Where(l => l.From != TranscriptSender.System).Select(l => l.Text));
        await host.Notifications.WaitForAsync("accepted", place.HandoffId);
        await student.Stream.WaitForAsync(a => a.Text == "[test] Anna Advisor is here now");
        await anna.WaitForQueueAsync(items => items.Count == 0);

        // The student writes: the advisor sees it at once, typing too.
        await student.TypeAsync();
        await anna.WaitForAsync(nameof(IAdvisorClient.UserTyping), a => (long)a[0]! == place.HandoffId);
        var leaseId = await student.SayAsync("My lease ends next week");
        var line = await anna.WaitForLineAsync(place.HandoffId, l => l.Text == "My lease ends next week");
        Assert.Equal(TranscriptSender.User, line.From);

        // The advisor answers: it reaches the student's Direct Line stream as the bot, marked as the advisor's.
        await anna.Hub.InvokeAsync("Typing", place.HandoffId, TestContext.Current.CancellationToken);
        await student.Stream.WaitForAsync(a => a.Type == ActivityTypes.Typing && a.From?.Role == RoleTypes.Bot);
        var sent = await anna.InvokeAsync<SendResult>("Send", place.HandoffId, "Hello, I am Anna. Let us look at your lease.");
        Assert.True(sent.Sent, sent.Reason);
        var reply = await student.Stream.WaitForAsync(a => a.Text == "Hello, I am Anna. Let us look at your lease.");
        Assert.Equal(RoleTypes.Bot, reply.From?.Role);
        Assert.Equal("Anna Advisor", reply.ChannelData!.Value.GetProperty("kokka").GetProperty("advisor").GetString());
        Assert.Equal("Anna Advisor", HandoffDelivery.AdvisorOf(reply));
        // No bot logic ran for the student's message while the advisor had the conversation.
        Assert.DoesNotContain(student.Stream.Seen, a => a.ReplyToId == leaseId);

        var note = await anna.InvokeAsync<NoteView?>("AddNote", place.HandoffId, "Lease in Karhula, ends 30.11.");
        Assert.NotNull(note);

        var mine = await anna.InvokeAsync<IReadOnlyList<ConversationView>>("GetMine");
        var view = Assert.Single(mine);
        Assert.Contains(view.Lines, l => l.From == TranscriptSender.Advisor && l.Author == "Anna Advisor");
        Assert.Contains(view.Notes, n => n.Text == "Lease in Karhula, ends 30.11.");

        var ended = await anna.InvokeAsync<EndResult>("End", place.HandoffId);
        Assert.True(ended.Ended, ended.Reason);
        await host.Notifications.WaitForAsync("ended", place.HandoffId);
        await student.Stream.WaitForAsync(a => a.Text == "[test] back to the bot");
        Assert.Null(await host.Handoffs.StatusAsync(student.ConversationId, TestContext.Current.CancellationToken));
        var late = await anna.InvokeAsync<SendResult>("Send", place.HandoffId, "one more thing");
        Assert.Equal((false, "not-active"), (late.Sent, late.Reason));

        await host.Handoffs.RateAsync(place.HandoffId, 5, TestContext.Current.CancellationToken);
        var rated = await anna.InvokeAsync<ConversationView?>("GetConversation", place.HandoffId);
        Assert.Equal((5, "advisor"), (rated!.Handoff.Rating, rated.Handoff.EndReason));
    }

    [Fact]
    public async Task On_a_bot_connector_channel_the_advisor_speaks_through_the_conversations_service_url()
    {
        await using var teams = await MockConnector.StartAsync();
        await using var host = await HandoffTestHost.StartAsync();
        await host.CreateAdvisorAsync("anna@example.fi", "Anna Advisor");
        await using var anna = await host.ConnectAdvisorAsync("anna@example.fi");
        var reference = new ConversationReference
        {
            ChannelId = "msteams",
            ServiceUrl = teams.ServiceUrl.ToString(),
            ActivityId = "1700000000000",
            Conversation = new ConversationAccount { Id = "a:1teams-conversation", ConversationType = "personal", TenantId = "tenant" },
            User = new ChannelAccount { Id = "29:student", Name = "Sami Student" },
            Bot = new ChannelAccount { Id = "28:kokkabot", Name = "KokkaBot" },
            Locale = "en-US",
        };
        var place = await host.Handoffs.EnqueueAsync(HandoffTestHost.Request(reference), TestContext.Current.CancellationToken);
        Assert.Equal("Sami Student", (await anna.WaitForQueueAsync(q => q.Count == 1))[0].UserName);

        Assert.True((await anna.InvokeAsync<AcceptResult>("Accept", place.HandoffId)).Accepted);
        Assert.True((await anna.InvokeAsync<SendResult>("Send", place.HandoffId, "Hello from Anna")).Sent);

        var received = await teams.WaitForAsync(2);
        Assert.Equal("[test] Anna Advisor is here now", received[0].Activity.Text);
        var message = received[1];
        // A proactive message: "send to conversation", not a reply to the user's last activity.
        Assert.Equal("/v3/conversations/a:1teams-conversation/activities", Uri.UnescapeDataString(message.Path));
        Assert.Equal("Hello from Anna", message.Activity.Text);
        Assert.Equal(("28:kokkabot", "29:student"), (message.Activity.From?.Id, message.Activity.Recipient?.Id));
        Assert.Equal("Anna Advisor", HandoffDelivery.AdvisorOf(message.Activity));

        // A channel that refuses: the advisor is told, and the transcript still has what they wrote.
        teams.FailNext(403);
        var refused = await anna.InvokeAsync<SendResult>("Send", place.HandoffId, "Are you there?");
        Assert.Equal((false, "delivery-failed"), (refused.Sent, refused.Reason));
        var view = await anna.InvokeAsync<ConversationView?>("GetConversation", place.HandoffId);
        Assert.Contains(view!.Lines, l => l.Text == "Are you there?");
    }

    [Fact]
    public async Task Two_advisors_accepting_at_once_exactly_one_gets_it_and_the_other_is_told_who()
    {
        await using var host = await HandoffTestHost.StartAsync();
        await host.CreateAdvisorAsync("anna@example.fi", "Anna");
        await host.CreateAdvisorAsync("bert@example.fi", "Bert");
        await using var anna = await host.ConnectAdvisorAsync("anna@example.fi");
        await using var bert = await host.ConnectAdvisorAsync("bert@example.fi");

        for (var round = 0; round < 5; round++)
        {
            await using var student = await host.StartStudentAsync();
            var place = await host.Handoffs.EnqueueAsync(HandoffTestHost.Request(student.Reference), TestContext.Current.CancellationToken);

            var results = await Task.WhenAll(anna.InvokeAsync<AcceptResult>("Accept", place.HandoffId), bert.InvokeAsync<AcceptResult>("Accept", place.HandoffId));

            var winner = Assert.Single(results, r => r.Accepted);
            var loser = Assert.Single(results, r => !r.Accepted);
            Assert.Equal("taken", loser.Reason);
            Assert.Equal(winner.Conversation!.Handoff.AdvisorName, loser.TakenBy);
            Assert.Null(loser.Conversation);
            await host.Notifications.WaitForAsync("accepted", place.HandoffId);
            Assert.Equal(1, host.Notifications.CountOf("accepted", place.HandoffId));
            var loserClient = results[0].Accepted ? bert : anna;
            await loserClient.WaitForAsync(nameof(IAdvisorClient.HandoffTaken), a => (long)a[0]! == place.HandoffId && (string)a[1]! == loser.TakenBy);
        }
    }

    [Fact]
    public async Task An_advisor_sees_only_the_queue_of_teams_in_their_towns_and_can_pass_a_conversation_on()
    {
        await using var host = await HandoffTestHost.StartAsync();
        await host.CreateAdvisorAsync("kotka@example.fi", "Kaisa Kotka", ["kotka"]);
        await host.CreateAdvisorAsync("lpr@example.fi", "Lasse Lappeenranta", ["lappeenranta"]);
        await using var kaisa = await host.ConnectAdvisorAsync("kotka@example.fi");
        await using var lasse = await host.ConnectAdvisorAsync("lpr@example.fi");
        await using var student = await host.StartStudentAsync();

        var place = await host.Handoffs.EnqueueAsync(HandoffTestHost.Request(student.Reference, town: "kotka"), TestContext.Current.CancellationToken);
        await kaisa.WaitForQueueAsync(items => items.Any(i => i.HandoffId == place.HandoffId));
        Assert.Empty(await lasse.InvokeAsync<IReadOnlyList<QueueItem>>("GetQueue"));
        Assert.Equal("out-of-scope", (await lasse.InvokeAsync<AcceptResult>("Accept", place.HandoffId)).Reason);
        Assert.Null(await lasse.InvokeAsync<ConversationView?>("GetConversation", place.HandoffId));

        Assert.True((await kaisa.InvokeAsync<AcceptResult>("Accept", place.HandoffId)).Accepted);
        var targets = await kaisa.InvokeAsync<TransferTargets>("GetTransferTargets");
        Assert.Contains(targets.Advisors, a => a.Email == "lpr@example.fi");
        Assert.Contains(targets.Teams, t => t.Id == "south-karelia-immigrant");

        // Passed to a named advisor: they get it, whatever their towns, and the student hears who.
        var transfer = await kaisa.InvokeAsync<TransferResult>("Transfer", place.HandoffId, "lpr@example.fi", null);
        Assert.True(transfer.Transferred, transfer.Reason);
        var assigned = (ConversationView)(await lasse.WaitForAsync(nameof(IAdvisorClient.Assigned)))[0]!;
        Assert.Equal(place.HandoffId, assigned.Handoff.Id);
        await student.Stream.WaitForAsync(a => a.Text == "[test] Lasse Lappeenranta is here now");
        Assert.Equal("not-yours", (await kaisa.InvokeAsync<SendResult>("Send", place.HandoffId, "still here?")).Reason);
        await student.SayAsync("Hi Lasse");
        await lasse.WaitForLineAsync(place.HandoffId, l => l.Text == "Hi Lasse");

        // Passed to a team: queued again there.
        var requeued = await lasse.InvokeAsync<TransferResult>("Transfer", place.HandoffId, null, "kouvola-international");
        Assert.True(requeued.Transferred, requeued.Reason);
        Assert.Equal(HandoffStatus.Queued, await host.Handoffs.StatusAsync(student.ConversationId, TestContext.Current.CancellationToken));
        Assert.Equal("no-target", (await lasse.InvokeAsync<TransferResult>("Transfer", place.HandoffId, null, null)).Reason);

        // The student stops waiting: gone from the queue.
        await host.Handoffs.CancelAsync(student.ConversationId, TestContext.Current.CancellationToken);
        Assert.Null(await host.Handoffs.StatusAsync(student.ConversationId, TestContext.Current.CancellationToken));
        Assert.Empty(await kaisa.InvokeAsync<IReadOnlyList<QueueItem>>("GetQueue"));
    }

    [Fact]
    public async Task Canned_replies_are_kept_per_language()
    {
        await using var host = await HandoffTestHost.StartAsync();
        await host.CreateAdvisorAsync("anna@example.fi", "Anna");
        await using var anna = await host.ConnectAdvisorAsync("anna@example.fi");

        var saved = await anna.InvokeAsync<CannedReplySaveResult>("SaveCannedReply", new CannedReplyInput(null, "fi", "Tervehdys", "Hei! Olen neuvoja."));
        Assert.True(saved.Saved);
        await anna.InvokeAsync<CannedReplySaveResult>("SaveCannedReply", new CannedReplyInput(null, "en", "Greeting", "Hi! I am an advisor."));
        Assert.Equal("invalid", (await anna.InvokeAsync<CannedReplySaveResult>("SaveCannedReply", new CannedReplyInput(null, "xx", "T", "t"))).Reason);
        var edited = await anna.InvokeAsync<CannedReplySaveResult>("SaveCannedReply", new CannedReplyInput(saved.Reply!.Id, "fi", "Tervehdys", "Hei! Olen Anna."));
        Assert.Equal("Anna", edited.Reply!.EditedBy);

        var finnish = await anna.InvokeAsync<IReadOnlyList<CannedReplyView>>("GetCannedReplies", "fi");
        Assert.Equal("Hei! Olen Anna.", Assert.Single(finnish).Text);
        Assert.Equal(2, (await anna.InvokeAsync<IReadOnlyList<CannedReplyView>>("GetCannedReplies", (string?)null)).Count);
        Assert.True(await anna.InvokeAsync<bool>("DeleteCannedReply", saved.Reply.Id));
        Assert.Empty(await anna.InvokeAsync<IReadOnlyList<CannedReplyView>>("GetCannedReplies", "fi"));
    }

    [Fact]
    public async Task The_hub_refuses_anyone_but_advisors_and_admins()
    {
        await using var host = await HandoffTestHost.StartAsync();
        await host.CreateAdvisorAsync("coordinator@example.fi", "Cora", role: KokkaBot.Staff.StaffRoles.Coordinator);
        await Assert.ThrowsAnyAsync<Exception>(() => host.ConnectAdvisorAsync("coordinator@example.fi"));
        // Without the staff cookie: no negotiation (the staff cookie handler sends browsers to the sign-in page).
        using var noRedirects = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = host.BaseAddress };
        using var anonymous = await noRedirects.PostAsync("hubs/advisor/negotiate?negotiateVersion=1", null, TestContext.Current.CancellationToken);
        Assert.Contains(anonymous.StatusCode, new[] { System.Net.HttpStatusCode.Unauthorized, System.Net.HttpStatusCode.Redirect });
    }

    [Fact]
    public async Task A_request_nobody_answers_is_noticed_once_and_the_notice_survives_in_the_queue()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Handoff:NoAnswerNotice"] = "00:00:01",
            ["Handoff:NoAnswerCheckInterval"] = "00:00:00.200",
        };
        await using var host = await HandoffTestHost.StartAsync(settings: settings);
        await host.CreateAdvisorAsync("anna@example.fi", "Anna", ["lappeenranta"]);
        await using var anna = await host.ConnectAdvisorAsync("anna@example.fi");
        await using var student = await host.StartStudentAsync();

        var place = await host.Handoffs.EnqueueAsync(HandoffTestHost.Request(student.Reference, town: "imatra"), TestContext.Current.CancellationToken);
        await host.Notifications.WaitForAsync("no-advisor-yet", place.HandoffId);
        await student.Stream.WaitForAsync(a => a.Text == "[test] nobody yet");
        await anna.WaitForQueueAsync(items => items.Any(i => i.HandoffId == place.HandoffId && i.NoAnswerNoticeSent));
        await Task.Delay(TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);
        Assert.Equal(1, host.Notifications.CountOf("no-advisor-yet", place.HandoffId));

        var databases = host.Services.GetRequiredService<IDbContextFactory<KokkaDbContext>>();
        await using var db = await databases.CreateDbContextAsync(TestContext.Current.CancellationToken);
        Assert.True((await db.Handoffs.SingleAsync(h => h.Id == place.HandoffId, TestContext.Current.CancellationToken)).NoAnswerNoticeSent);
    }

    [Fact]
    public async Task Enqueueing_twice_keeps_one_request_and_a_forwarded_message_is_stored_once()
    {
        await using var host = await HandoffTestHost.StartAsync();
        await using var student = await host.StartStudentAsync();
        var first = await host.Handoffs.EnqueueAsync(HandoffTestHost.Request(student.Reference), TestContext.Current.CancellationToken);
        var second = await host.Handoffs.EnqueueAsync(HandoffTestHost.Request(student.Reference), TestContext.Current.CancellationToken);
        Assert.Equal(first.HandoffId, second.HandoffId);

        var message = new Activity { Type = ActivityTypes.Message, Id = "same-activity", Text = "twice?" };
        await host.Handoffs.ForwardUserMessageAsync(student.ConversationId, message, TestContext.Current.CancellationToken);
        await host.Handoffs.ForwardUserMessageAsync(student.ConversationId, message, TestContext.Current.CancellationToken);
        var lines = await host.Services.GetRequiredService<HandoffStore>().LinesAsync(first.HandoffId, TestContext.Current.CancellationToken);
        Assert.Single(lines, l => l.Text == "twice?");
    }

    private const string DirectLineAdapterChannel = KokkaBot.Channels.DirectLine.DirectLineAdapter.ChannelId;
}
