using System.Net;
using KokkaBot.Handoff;
using KokkaBot.Tests.Support;

namespace KokkaBot.Tests.Handoff;

/// <summary>Nothing of a handoff lives only in memory: a restart mid-conversation loses neither the queue, nor the transcript, nor the notes.</summary>
public class HandoffRestartTests
{
    [Fact]
    public async Task A_restart_in_the_middle_of_a_handoff_keeps_queue_transcript_and_notes_and_the_student_catches_up_from_the_watermark()
    {
        var data = KokkaTestHost.NewDataDirectory();
        string conversationId, token, watermark;
        long activeId, queuedId;

        await using (var before = await HandoffTestHost.StartAsync(data))
        {
            await before.CreateAdvisorAsync("anna@example.fi", "Anna Advisor");
            await using var anna = await before.ConnectAdvisorAsync("anna@example.fi");
            await using var student = await before.StartStudentAsync();
            await using var waiting = await before.StartStudentAsync();
            (conversationId, token) = (student.ConversationId, student.Token);

            activeId = (await before.Handoffs.EnqueueAsync(HandoffTestHost.Request(student.Reference), TestContext.Current.CancellationToken)).HandoffId;
            queuedId = (await before.Handoffs.EnqueueAsync(HandoffTestHost.Request(waiting.Reference, town: "kouvola"), TestContext.Current.CancellationToken)).HandoffId;
            Assert.True((await anna.InvokeAsync<AcceptResult>("Accept", activeId)).Accepted);
            await student.SayAsync("Before the restart");
            await anna.WaitForLineAsync(activeId, l => l.Text == "Before the restart");
            Assert.True((await anna.InvokeAsync<SendResult>("Send", activeId, "Advisor before the restart")).Sent);
            Assert.NotNull(await anna.InvokeAsync<NoteView?>("AddNote", activeId, "Needs an interpreter (Arabic)."));
            await student.Stream.WaitForAsync(a => a.Text == "Advisor before the restart");
            watermark = student.Stream.Watermark!;
        }

        await using var after = await HandoffTestHost.StartAsync(data);
        await using var again = await after.ConnectAdvisorAsync("anna@example.fi");

        // The advisor's console, reconnecting, finds everything where it was.
        var queue = await again.InvokeAsync<IReadOnlyList<QueueItem>>("GetQueue");
        Assert.Equal(queuedId, Assert.Single(queue).HandoffId);
        var mine = Assert.Single(await again.InvokeAsync<IReadOnlyList<ConversationView>>("GetMine"));
        Assert.Equal((activeId, "Active", "Anna Advisor"), (mine.Handoff.Id, mine.Handoff.Status, mine.Handoff.AdvisorName));
        Assert.Equal(
            ["hello", "Hi! I am KokkaBot.", "I want to talk to a person", "Before the restart", "Advisor before the restart"],
            mine.Lines.Where(l => l.From != TranscriptSender.System).Select(l => l.Text));
        Assert.Equal("Needs an interpreter (Arabic).", Assert.Single(mine.Notes).Text);
        Assert.Equal(HandoffStatus.Active, await after.Handoffs.StatusAsync(conversationId, TestContext.Current.CancellationToken));

        // The advisor goes on while the student is away…
        Assert.True((await again.InvokeAsync<SendResult>("Send", activeId, "Are you still there? I found the form.")).Sent);

        // …and the student, reconnecting with the watermark, gets what was said meanwhile.
        var client = new DirectLineTestClient(after.Http);
        var (status, reconnect) = await client.SendAsync(HttpMethod.Get, $"v3/directline/conversations/{conversationId}?watermark={watermark}", token);
        Assert.Equal(HttpStatusCode.OK, status);
        await using var stream = await DirectLineTestClient.OpenStreamAsync(reconnect.GetProperty("streamUrl").GetString()!);
        var caughtUp = await stream.WaitForAsync(a => a.Text == "Are you still there? I found the form.");
        Assert.Equal("Anna Advisor", HandoffDelivery.AdvisorOf(caughtUp));
        Assert.DoesNotContain(stream.Seen, a => a.Text == "Advisor before the restart");

        // And what the student writes reaches the advisor again.
        await client.PostActivityAsync(conversationId, reconnect.GetProperty("token").GetString()!, DirectLineTestClient.UserMessage("Yes, thank you!", "after"));
        await again.WaitForLineAsync(activeId, l => l.Text == "Yes, thank you!");
    }
}
