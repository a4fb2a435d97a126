using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using KokkaBot.Bot.Schema;
using KokkaBot.Tests.Support;

namespace KokkaBot.Tests.Channels;

/// <summary><c>POST /api/messages</c> over real HTTP, with a channel's Connector on loopback receiving the replies.</summary>
public sealed class ConnectorTests : IAsyncLifetime
{
    private KokkaTestHost _host = null!;
    private MockConnector _channel = null!;

    public async ValueTask InitializeAsync()
    {
        _channel = await MockConnector.StartAsync();
        _host = await KokkaTestHost.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Connector:RetryDelay"] = "00:00:00.010",
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        await _channel.DisposeAsync();
    }

    private JsonObject Message(string text, string conversation = "conv-1", string? deliveryMode = null) => new()
    {
        ["type"] = "message",
        ["id"] = "activity-" + Guid.NewGuid().ToString("N")[..6],
        ["channelId"] = "emulator",
        ["serviceUrl"] = _channel.ServiceUrl.ToString(),
        ["from"] = new JsonObject { ["id"] = "user-1", ["name"] = "Ana" },
        ["recipient"] = new JsonObject { ["id"] = "bot-1", ["name"] = "KokkaBot" },
        ["conversation"] = new JsonObject { ["id"] = conversation },
        ["locale"] = "en-US",
        ["text"] = text,
        ["deliveryMode"] = deliveryMode,
    };

    private async Task<HttpResponseMessage> PostAsync(string body, string contentType = "application/json")
    {
        var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return await _host.Http.PostAsync("api/messages", content, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Replies_go_to_the_channels_connector_as_replies_to_the_activity()
    {
        var message = Message("hello");

        using var response = await PostAsync(message.ToJsonString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var received = await _channel.WaitForAsync(2);
        Assert.All(received, r =>
        {
            Assert.Equal($"/v3/conversations/conv-1/activities/{message["id"]}", r.Path);
            Assert.Equal(("bot-1", "user-1", "conv-1", "emulator"), (r.Activity.From!.Id, r.Activity.Recipient!.Id, r.Activity.Conversation!.Id, r.Activity.ChannelId));
            Assert.Null(r.Activity.ServiceUrl);
        });
        Assert.Equal(InputHints.ExpectingInput, received[^1].Activity.InputHint);
        Assert.NotNull(received[^1].Activity.SuggestedActions);
    }

    [Fact]
    public async Task A_conversation_update_gets_the_greeting_without_the_user_typing()
    {
        var update = new JsonObject
        {
            ["type"] = "conversationUpdate",
            ["channelId"] = "emulator",
            ["serviceUrl"] = _channel.ServiceUrl.ToString(),
            ["from"] = new JsonObject { ["id"] = "user-1" },
            ["recipient"] = new JsonObject { ["id"] = "bot-1" },
            ["conversation"] = new JsonObject { ["id"] = "conv-join" },
            ["membersAdded"] = new JsonArray(new JsonObject { ["id"] = "bot-1" }, new JsonObject { ["id"] = "user-1" }),
        };

        using var response = await PostAsync(update.ToJsonString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var received = await _channel.WaitForAsync(2);
        Assert.Contains("KokkaBot", received[0].Activity.Text);
        Assert.Equal("/v3/conversations/conv-join/activities", received[0].Path);
    }

    [Fact]
    public async Task Expect_replies_returns_the_turns_activities_in_the_response_and_calls_no_connector()
    {
        using var response = await PostAsync(Message("hello", deliveryMode: "expectReplies").ToJsonString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;
        var activities = body.GetProperty("activities").EnumerateArray().ToArray();
        Assert.True(activities.Length >= 2);
        Assert.All(activities, a => Assert.Equal("message", a.GetProperty("type").GetString()));
        Assert.Equal("expectingInput", activities[^1].GetProperty("inputHint").GetString());
        await Task.Delay(200, TestContext.Current.CancellationToken);
        Assert.Equal(0, _channel.Calls);
    }

    [Fact]
    public async Task Expect_replies_walks_a_whole_onboarding_with_state_kept_between_requests()
    {
        string[] Texts(JsonElement body) => body.GetProperty("activities").EnumerateArray().Select(a => a.GetProperty("text").GetString()!).ToArray();

        async Task<JsonElement> SayAsync(string text)
        {
            using var response = await PostAsync(Message(text, "conv-walk", "expectReplies").ToJsonString());
            return JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;
        }

        await SayAsync("hi");
        await SayAsync("Graduate");
        var menu = await SayAsync("Imatra");

        Assert.Contains(Texts(menu), t => t.Contains("What would you like help with?", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_throttled_or_failing_channel_is_retried_with_backoff()
    {
        _channel.FailNext(429, 503);

        using var response = await PostAsync(Message("hello").ToJsonString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var received = await _channel.WaitForAsync(2);
        Assert.Equal(2, received.Count);
        Assert.Equal(4, _channel.Calls);
    }

    [Fact]
    public async Task An_unreachable_channel_neither_hangs_nor_fails_the_request()
    {
        var message = Message("hello");
        message["serviceUrl"] = "http://127.0.0.1:9/";
        var started = DateTime.UtcNow;

        using var response = await PostAsync(message.ToJsonString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(10));
    }

    [Theory]
    [InlineData("unknown-type-from-the-future")]
    [InlineData("messageReaction")]
    [InlineData("installationUpdate")]
    public async Task Activity_types_the_bot_does_not_handle_are_accepted_and_ignored(string type)
    {
        var activity = Message("");
        activity["type"] = type;

        using var response = await PostAsync(activity.ToJsonString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await Task.Delay(200, TestContext.Current.CancellationToken);
        Assert.Equal(0, _channel.Calls);
    }

    [Fact]
    public async Task An_invoke_nobody_handles_is_not_implemented()
    {
        var invoke = Message("");
        invoke["type"] = "invoke";
        invoke["name"] = "composeExtension/query";

        using var response = await PostAsync(invoke.ToJsonString());

        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
    }

    public static TheoryData<string, string, int> BadInput => new()
    {
        { "not JSON", "hello bot", 400 },
        { "empty body", "", 400 },
        { "JSON array", "[1,2,3]", 400 },
        { "JSON null", "null", 400 },
        { "no type", """{"channelId":"emulator","conversation":{"id":"c"},"serviceUrl":"http://127.0.0.1:1/"}""", 400 },
        { "no conversation id", """{"type":"message","channelId":"emulator","conversation":{},"serviceUrl":"http://127.0.0.1:1/"}""", 400 },
        { "no channelId", """{"type":"message","conversation":{"id":"c"},"serviceUrl":"http://127.0.0.1:1/"}""", 400 },
        { "text is a number", """{"type":"message","channelId":"emulator","conversation":{"id":"c"},"text":42}""", 400 },
        { "conversation is a string", """{"type":"message","channelId":"emulator","conversation":"c"}""", 400 },
        { "membersAdded is an object", """{"type":"conversationUpdate","channelId":"emulator","conversation":{"id":"c"},"membersAdded":{"id":"u"}}""", 400 },
        { "truncated JSON", """{"type":"message","channelId":"emul""", 400 },
        { "no serviceUrl to reply to", """{"type":"message","channelId":"emulator","conversation":{"id":"c"},"text":"hi"}""", 400 },
        { "serviceUrl not http", """{"type":"message","channelId":"emulator","conversation":{"id":"c"},"serviceUrl":"ftp://127.0.0.1/","text":"hi"}""", 400 },
        { "remote serviceUrl in local mode", """{"type":"message","channelId":"emulator","conversation":{"id":"c"},"serviceUrl":"https://smba.trafficmanager.net/emea/","text":"hi"}""", 400 },
        { "event without a name", """{"type":"event","channelId":"emulator","conversation":{"id":"c"},"serviceUrl":"http://127.0.0.1:1/"}""", 400 },
        { "channelData nested too deep", """{"type":"message","channelId":"emulator","conversation":{"id":"c"},"serviceUrl":"http://127.0.0.1:1/","channelData":""" + string.Concat(Enumerable.Repeat("""{"a":""", 100)) + "1" + new string('}', 101), 400 },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public async Task Bad_input_gets_a_4xx_problem_with_a_reason_and_the_server_answers_normally_afterwards(string what, string body, int status)
    {
        using var response = await PostAsync(body);

        Assert.True((int)response.StatusCode == status, $"{what}: HTTP {(int)response.StatusCode}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()), what);

        await AssertStillAnswersAsync();
    }

    [Fact]
    public async Task A_body_over_the_limit_is_refused_as_too_large()
    {
        var huge = Message(new string('x', 300 * 1024)).ToJsonString();

        using var response = await PostAsync(huge);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        await AssertStillAnswersAsync();
    }

    [Fact]
    public async Task Invalid_utf8_is_refused()
    {
        var bytes = Encoding.UTF8.GetBytes("""{"type":"message","channelId":"emulator","conversation":{"id":"c"},"text":"X"}""");
        bytes[Array.IndexOf(bytes, (byte)'X')] = 0xC3; // a lead byte with no continuation
        using var content = new ByteArrayContent(bytes) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } };

        using var response = await _host.Http.PostAsync("api/messages", content, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await AssertStillAnswersAsync();
    }

    [Fact]
    public async Task A_body_that_is_not_json_content_is_an_unsupported_media_type()
    {
        using var response = await PostAsync(Message("hi").ToJsonString(), "text/plain");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        await AssertStillAnswersAsync();
    }

    [Fact]
    public async Task Only_post_is_allowed()
    {
        using var response = await _host.Http.GetAsync("api/messages", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Fact]
    public async Task With_an_app_id_configured_but_no_token_validation_in_this_build_requests_are_refused()
    {
        await using var secured = await KokkaTestHost.StartAsync(settings: new Dictionary<string, string?> { ["MicrosoftAppId"] = "00000000-0000-0000-0000-000000000001" });

        using var response = await secured.Http.PostAsync("api/messages", new StringContent(Message("hi").ToJsonString(), Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private async Task AssertStillAnswersAsync()
    {
        using var response = await PostAsync(Message("hello", "conv-after-" + Guid.NewGuid().ToString("N")[..6], "expectReplies").ToJsonString());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;
        Assert.NotEmpty(body.GetProperty("activities").EnumerateArray());
    }
}
