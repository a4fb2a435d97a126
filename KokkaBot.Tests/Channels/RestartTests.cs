using System.Net;
using System.Text.Json;
using KokkaBot.Bot.Schema;
using KokkaBot.Conversation.Texts;
using KokkaBot.Tests.Support;

namespace KokkaBot.Tests.Channels;

/// <summary>Nothing is lost on restart: the dialog continues at its step and Direct Line resumes from the watermark.</summary>
public class RestartTests
{
    private static readonly TextSet English = new BotTexts().For("en");
    private static readonly Dictionary<string, string?> GeneratedSecret = new() { ["DirectLine:Secret"] = "" };

    [Fact]
    public async Task A_restart_mid_dialog_resumes_the_dialog_and_the_direct_line_watermark()
    {
        var data = KokkaTestHost.NewDataDirectory();
        string conversationId, token, watermark;
        int loggedBefore;

        await using (var before = await KokkaTestHost.StartAsync(data, GeneratedSecret))
        {
            // As the web page does: a token from /api/webchat/token, then the conversation starts with it.
            var client = new DirectLineTestClient(before.Http);
            var (_, issued) = await client.SendAsync(HttpMethod.Post, "api/webchat/token", null, new { locale = "en-US" });
            var conversation = await client.StartConversationAsync(issued.GetProperty("token").GetString()!, new { locale = "en-US" });
            conversationId = conversation.ConversationId;
            token = conversation.Token;

            await using var stream = await DirectLineTestClient.OpenStreamAsync(conversation.StreamUrl!);
            await stream.WaitForAsync(a => a.Text?.Contains(English["role.prompt"], StringComparison.Ordinal) == true);
            await client.PostActivityAsync(conversationId, token, DirectLineTestClient.UserMessage("Student", "before-1"));
            await stream.WaitForAsync(a => a.Text == English["town.prompt"]);
            watermark = stream.Watermark!;
            loggedBefore = (await client.GetActivitiesAsync(conversationId, token)).Activities.Count;
        }

        // A new process on the same data folder: the same SQLite file, and the development secret generated
        // there the first time, so the tokens handed out before the restart are still good.
        Assert.True(File.Exists(Path.Combine(data, "directline-secret")));
        await using var after = await KokkaTestHost.StartAsync(data, GeneratedSecret);
        var resumed = new DirectLineTestClient(after.Http);

        var (status, reconnect) = await resumed.SendAsync(HttpMethod.Get, $"v3/directline/conversations/{conversationId}?watermark={watermark}", token);
        Assert.Equal(HttpStatusCode.OK, status);
        await using var socket = await DirectLineTestClient.OpenStreamAsync(reconnect.GetProperty("streamUrl").GetString()!);

        await resumed.PostActivityAsync(conversationId, reconnect.GetProperty("token").GetString()!, DirectLineTestClient.UserMessage("Kotka", "after-1"));
        var menu = await socket.WaitForAsync(a => a.Text == English["menu.prompt"]);

        Assert.NotNull(menu.SuggestedActions);
        // Only what came after the watermark was replayed: nothing said before the restart arrives twice.
        Assert.Equal("Kotka", socket.Seen[0].Text);
        Assert.Contains(socket.Seen, a => a.Text == English["onboarding.done"]);
        // The log survived the restart, and ids go on from where they were.
        var log = await resumed.GetActivitiesAsync(conversationId, token);
        Assert.True(log.Activities.Count > loggedBefore);
        Assert.Equal($"{conversationId}|{loggedBefore + 1:D7}", log.Activities[loggedBefore].Id);
    }

    [Fact]
    public async Task A_restart_mid_dialog_on_the_connector_channel_continues_at_the_same_step()
    {
        var data = KokkaTestHost.NewDataDirectory();
        await using (var before = await KokkaTestHost.StartAsync(data))
        {
            await SayAsync(before, "hello");
            await SayAsync(before, "Family member");
        }

        await using var after = await KokkaTestHost.StartAsync(data);
        var replies = await SayAsync(after, "Hamina");

        Assert.Equal([English["onboarding.done"], English["menu.prompt"]], replies);
    }

    private static async Task<string[]> SayAsync(KokkaTestHost host, string text)
    {
        var activity = new Activity
        {
            Type = ActivityTypes.Message,
            ChannelId = "emulator",
            ServiceUrl = "http://127.0.0.1:9/",
            DeliveryMode = DeliveryModes.ExpectReplies,
            From = new ChannelAccount { Id = "user-restart" },
            Recipient = new ChannelAccount { Id = "bot" },
            Conversation = new ConversationAccount { Id = "conversation-restart" },
            Locale = "en-US",
            Text = text,
        };
        using var content = new ByteArrayContent(BotJson.SerializeToUtf8Bytes(activity)) { Headers = { ContentType = new("application/json") } };
        using var response = await host.Http.PostAsync("api/messages", content, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;
        return body.GetProperty("activities").EnumerateArray().Select(a => a.GetProperty("text").GetString()!).ToArray();
    }
}
