using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using KokkaBot.Bot.Schema;
using KokkaBot.Channels.DirectLine;
using KokkaBot.Tests.Support;
using Microsoft.IdentityModel.JsonWebTokens;

namespace KokkaBot.Tests.Channels;

/// <summary>The built-in Direct Line 3.0 over real HTTP and WebSockets, as DirectLineJS and Web Chat use it.</summary>
public sealed class DirectLineTests : IAsyncLifetime
{
    private const string Secret = KokkaTestHost.DirectLineSecret;
    private KokkaTestHost _host = null!;
    private DirectLineTestClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        _host = await KokkaTestHost.StartAsync(settings: new Dictionary<string, string?> { ["DirectLine:KeepAliveInterval"] = "00:00:00.300" });
        _client = new DirectLineTestClient(_host.Http);
    }

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_generated_token_starts_its_conversation_once_and_carries_the_user_for_directlinejs()
    {
        var (status, generated) = await _client.SendAsync(HttpMethod.Post, "v3/directline/tokens/generate", Secret, new { user = new { id = "dl_student42", name = "Ana" } });
        Assert.Equal(HttpStatusCode.OK, status);
        var token = generated.GetProperty("token").GetString()!;
        var conversationId = generated.GetProperty("conversationId").GetString()!;
        Assert.Equal(1800, generated.GetProperty("expires_in").GetInt32());
        Assert.Equal("dl_student42", new JsonWebToken(token).GetClaim("user").Value);

        var started = await _client.StartConversationAsync(token);
        Assert.Equal(conversationId, started.ConversationId);
        Assert.StartsWith("ws://127.0.0.1:", started.StreamUrl);

        var again = await _client.StartConversationAsync(token, expected: HttpStatusCode.OK);
        Assert.Equal(conversationId, again.ConversationId);
    }

    [Fact]
    public async Task The_greeting_waits_in_the_log_and_is_replayed_when_the_socket_opens()
    {
        var conversation = await _client.StartConversationAsync(Secret, new { user = new { id = "dl_u1" }, locale = "fi-FI" });

        await using var stream = await DirectLineTestClient.OpenStreamAsync(conversation.StreamUrl!);
        var greeting = await stream.WaitForAsync(a => a.Type == ActivityTypes.Message);

        Assert.Contains("KokkaBot", greeting.Text);
        Assert.Equal($"{conversation.ConversationId}|0000001", greeting.Id);
        Assert.Equal(RoleTypes.Bot, greeting.From!.Role);
        Assert.NotNull(greeting.Timestamp);
        Assert.Equal("fi-FI", greeting.Locale);
        Assert.NotNull(stream.Watermark);
    }

    [Fact]
    public async Task A_posted_message_is_echoed_with_its_client_activity_id_and_answered()
    {
        var conversation = await _client.StartConversationAsync(Secret, new { user = new { id = "dl_u2" } });
        await using var stream = await DirectLineTestClient.OpenStreamAsync(conversation.StreamUrl!);
        await stream.WaitForAsync(a => a.InputHint == InputHints.ExpectingInput);

        var id = await _client.PostActivityAsync(conversation.ConversationId, conversation.Token, DirectLineTestClient.UserMessage("Student", "client-1"));

        var echo = await stream.WaitForAsync(a => a.Id == id);
        Assert.Equal("client-1", echo.ChannelData!.Value.GetProperty("clientActivityID").GetString());
        Assert.Equal("dl_u2", echo.From!.Id);
        Assert.Equal("Student", echo.Text);
        var reply = await stream.WaitForAsync(a => a.From?.Role == RoleTypes.Bot && a.ReplyToId == id);
        Assert.Equal(InputHints.ExpectingInput, reply.InputHint);
        Assert.True(string.CompareOrdinal(reply.Id, echo.Id) > 0);
    }

    [Fact]
    public async Task The_token_decides_who_speaks_not_the_posted_from_id()
    {
        var conversation = await _client.StartConversationAsync(Secret, new { user = new { id = "dl_real" } });

        var posted = DirectLineTestClient.UserMessage("hello", "c-1") with { From = new ChannelAccount { Id = "someone-else" } };
        var id = await _client.PostActivityAsync(conversation.ConversationId, conversation.Token, posted);

        var log = await _client.GetActivitiesAsync(conversation.ConversationId, conversation.Token);
        Assert.Equal("dl_real", log.Activities.Single(a => a.Id == id).From!.Id);
    }

    [Fact]
    public async Task Activities_are_paged_by_watermark()
    {
        var conversation = await _client.StartConversationAsync(Secret, new { user = new { id = "dl_u3" } });
        var first = await _client.GetActivitiesAsync(conversation.ConversationId, conversation.Token);
        Assert.NotEmpty(first.Activities);
        Assert.Equal(first.Activities.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), first.Watermark);

        var nothingNew = await _client.GetActivitiesAsync(conversation.ConversationId, conversation.Token, first.Watermark);
        Assert.Empty(nothingNew.Activities);
        Assert.Equal(first.Watermark, nothingNew.Watermark);

        await _client.PostActivityAsync(conversation.ConversationId, conversation.Token, DirectLineTestClient.UserMessage("2", "c-2"));
        var next = await _client.GetActivitiesAsync(conversation.ConversationId, conversation.Token, first.Watermark);
        Assert.Equal("2", next.Activities[0].Text);
        Assert.True(next.Activities.Count >= 2);
        Assert.Equal(first.Activities.Count + next.Activities.Count, int.Parse(next.Watermark!, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Typing_travels_over_the_socket_only()
    {
        var conversation = await _client.StartConversationAsync(Secret, new { user = new { id = "dl_u4" } });
        await using var stream = await DirectLineTestClient.OpenStreamAsync(conversation.StreamUrl!);
        await stream.WaitForAsync(a => a.InputHint == InputHints.ExpectingInput);

        await _client.PostActivityAsync(conversation.ConversationId, conversation.Token, new Activity { Type = ActivityTypes.Typing, From = new ChannelAccount { Id = "x" } });

        await stream.WaitForAsync(a => a.Type == ActivityTypes.Typing);
        var log = await _client.GetActivitiesAsync(conversation.ConversationId, conversation.Token);
        Assert.DoesNotContain(log.Activities, a => a.Type == ActivityTypes.Typing);
    }

    [Fact]
    public async Task A_reconnect_gets_a_fresh_token_and_a_stream_that_replays_only_after_the_watermark()
    {
        var conversation = await _client.StartConversationAsync(Secret, new { user = new { id = "dl_u5" } });
        var before = await _client.GetActivitiesAsync(conversation.ConversationId, conversation.Token);

        var (status, reconnect) = await _client.SendAsync(HttpMethod.Get, $"v3/directline/conversations/{conversation.ConversationId}?watermark={before.Watermark}", conversation.Token);
        Assert.Equal(HttpStatusCode.OK, status);
        var streamUrl = reconnect.GetProperty("streamUrl").GetString()!;
        Assert.Contains($"watermark={before.Watermark}", streamUrl);
        var freshToken = reconnect.GetProperty("token").GetString()!;

        await using var stream = await DirectLineTestClient.OpenStreamAsync(streamUrl);
        await _client.PostActivityAsync(conversation.ConversationId, freshToken, DirectLineTestClient.UserMessage("Kotka", "c-3"));
        var first = await stream.WaitForAsync(_ => true);

        Assert.Equal("Kotka", first.Text);
        Assert.DoesNotContain(stream.Seen, a => before.Activities.Any(b => b.Id == a.Id));
    }

    [Fact]
    public async Task A_second_socket_closes_the_first_with_collision()
    {
        var conversation = await _client.StartConversationAsync(Secret, new { user = new { id = "dl_u6" } });
        await using var first = await DirectLineTestClient.OpenStreamAsync(conversation.StreamUrl!);
        await first.WaitForAsync(a => a.InputHint == InputHints.ExpectingInput);

        await using var second = await DirectLineTestClient.OpenStreamAsync(conversation.StreamUrl!);
        await second.WaitForAsync(a => a.InputHint == InputHints.ExpectingInput);

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        while (await first.ReceiveAsync(timeout.Token) is not null)
        {
        }
        Assert.Equal("collision", first.CloseDescription);
    }

    [Fact]
    public async Task An_idle_socket_gets_empty_keep_alive_frames()
    {
        var conversation = await _client.StartConversationAsync(Secret, new { user = new { id = "dl_u7" } });
        await using var stream = await DirectLineTestClient.OpenStreamAsync(conversation.StreamUrl!);
        await stream.WaitForAsync(a => a.InputHint == InputHints.ExpectingInput);

        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(1.5));
        try
        {
            while (true)
                await stream.ReceiveAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
        }

        Assert.True(stream.KeepAlives >= 2, $"{stream.KeepAlives} keep-alives");
    }

    [Fact]
    public async Task A_token_refreshes_into_a_new_working_token_but_the_secret_does_not()
    {
        var conversation = await _client.StartConversationAsync(Secret, new { user = new { id = "dl_u8" } });

        var (status, refreshed) = await _client.SendAsync(HttpMethod.Post, "v3/directline/tokens/refresh", conversation.Token);
        Assert.Equal(HttpStatusCode.OK, status);
        var token = refreshed.GetProperty("token").GetString()!;
        Assert.Equal(conversation.ConversationId, refreshed.GetProperty("conversationId").GetString());
        await _client.GetActivitiesAsync(conversation.ConversationId, token);

        var (secretStatus, error) = await _client.SendAsync(HttpMethod.Post, "v3/directline/tokens/refresh", Secret);
        Assert.Equal(HttpStatusCode.Forbidden, secretStatus);
        Assert.Equal("Forbidden", error.GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task An_expired_token_is_refused_with_token_expired()
    {
        await using var shortLived = await KokkaTestHost.StartAsync(settings: new Dictionary<string, string?> { ["DirectLine:TokenLifetime"] = "00:00:01" });
        var client = new DirectLineTestClient(shortLived.Http);
        var conversation = await client.StartConversationAsync(Secret, new { user = new { id = "dl_u9" } });

        await Task.Delay(TimeSpan.FromSeconds(2.2), TestContext.Current.CancellationToken);

        foreach (var (method, path) in new[] { (HttpMethod.Get, $"v3/directline/conversations/{conversation.ConversationId}/activities"), (HttpMethod.Post, "v3/directline/tokens/refresh") })
        {
            var (status, body) = await client.SendAsync(method, path, conversation.Token);
            Assert.Equal(HttpStatusCode.Forbidden, status);
            Assert.Equal("TokenExpired", body.GetProperty("error").GetProperty("code").GetString());
        }
    }

    [Fact]
    public async Task Missing_wrong_and_foreign_credentials_and_unknown_conversations_get_documented_errors()
    {
        var mine = await _client.StartConversationAsync(Secret, new { user = new { id = "dl_a" } });
        var theirs = await _client.StartConversationAsync(Secret, new { user = new { id = "dl_b" } });

        await AssertErrorAsync(HttpMethod.Get, $"v3/directline/conversations/{mine.ConversationId}/activities", null, HttpStatusCode.Unauthorized, "Unauthorized");
        await AssertErrorAsync(HttpMethod.Get, $"v3/directline/conversations/{mine.ConversationId}/activities", "not-a-token", HttpStatusCode.Unauthorized, "Unauthorized");
        await AssertErrorAsync(HttpMethod.Get, $"v3/directline/conversations/{theirs.ConversationId}/activities", mine.Token, HttpStatusCode.Forbidden, "Forbidden");
        await AssertErrorAsync(HttpMethod.Get, "v3/directline/conversations/NoSuchConversation/activities", Secret, HttpStatusCode.NotFound, "NotFound");
        await AssertErrorAsync(HttpMethod.Post, "v3/directline/tokens/generate", mine.Token, HttpStatusCode.Forbidden, "Forbidden");
        await AssertErrorAsync(HttpMethod.Post, $"v3/directline/conversations/{mine.ConversationId}/activities", mine.Token, HttpStatusCode.BadRequest, "BadArgument", "{not json");
        await AssertErrorAsync(HttpMethod.Post, $"v3/directline/conversations/{mine.ConversationId}/activities", mine.Token, HttpStatusCode.BadRequest, "MissingProperty", """{"text":"no type"}""");
        await AssertErrorAsync(HttpMethod.Post, $"v3/directline/conversations/{mine.ConversationId}/activities", Secret, HttpStatusCode.BadRequest, "MissingProperty", """{"type":"message","text":"who am I"}""");
        await AssertErrorAsync(HttpMethod.Post, $"v3/directline/conversations/{mine.ConversationId}/upload", mine.Token, HttpStatusCode.BadRequest, "BadArgument");
        await AssertErrorAsync(HttpMethod.Post, $"v3/directline/conversations/{mine.ConversationId}/activities", mine.Token, HttpStatusCode.BadRequest, "BadArgument", """{"type":"conversationUpdate","membersAdded":[{"id":"x"}]}""");
    }

    [Fact]
    public async Task A_locale_that_is_not_a_language_tag_is_ignored()
    {
        var conversation = await _client.StartConversationAsync(Secret, new { user = new { id = "dl_locale" }, locale = "<script>alert(1)</script>" });

        var log = await _client.GetActivitiesAsync(conversation.ConversationId, conversation.Token);

        Assert.All(log.Activities, a => Assert.Null(a.Locale));
        Assert.Contains("KokkaBot", log.Activities[0].Text);
    }

    [Fact]
    public async Task Browsers_on_other_origins_may_call_it()
    {
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "v3/directline/conversations");
        preflight.Headers.Add("Origin", "https://www.example.fi");
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        preflight.Headers.Add("Access-Control-Request-Headers", "authorization,content-type,x-ms-bot-agent");

        using var response = await _host.Http.SendAsync(preflight, TestContext.Current.CancellationToken);

        Assert.True(response.IsSuccessStatusCode, $"HTTP {(int)response.StatusCode}");
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("authorization", response.Headers.GetValues("Access-Control-Allow-Headers").Single(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_web_chat_page_gets_a_token_and_keeps_its_user_and_its_conversation()
    {
        var first = await TokenAsync(new { });
        var userKey = first.GetProperty("userKey").GetString()!;
        Assert.StartsWith("dl_", userKey);
        Assert.False(first.GetProperty("resumed").GetBoolean());

        var nextVisit = await TokenAsync(new { userKey });
        Assert.Equal(userKey, nextVisit.GetProperty("userKey").GetString());
        Assert.NotEqual(first.GetProperty("conversationId").GetString(), nextVisit.GetProperty("conversationId").GetString());

        var reload = await TokenAsync(new { userKey, resume = new { conversationId = first.GetProperty("conversationId").GetString(), token = first.GetProperty("token").GetString() } });
        Assert.True(reload.GetProperty("resumed").GetBoolean());
        Assert.Equal(first.GetProperty("conversationId").GetString(), reload.GetProperty("conversationId").GetString());

        var forged = await TokenAsync(new { userKey = userKey.Split('.')[0] + ".Zm9yZ2Vk" });
        Assert.NotEqual(userKey, forged.GetProperty("userKey").GetString());
    }

    [Fact]
    public async Task The_secret_never_reaches_the_page()
    {
        var page = await _host.Http.GetStringAsync("", TestContext.Current.CancellationToken);
        var script = await _host.Http.GetStringAsync("js/chat.js", TestContext.Current.CancellationToken);
        var token = await TokenAsync(new { });

        Assert.DoesNotContain(Secret, page + script + token.GetRawText());
    }

    private async Task<JsonElement> TokenAsync(object body)
    {
        using var response = await _host.Http.PostAsync("api/webchat/token", JsonContentOf(body), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement.Clone();
    }

    private static StringContent JsonContentOf(object body) =>
        new(JsonSerializer.Serialize(body), System.Text.Encoding.UTF8, new MediaTypeHeaderValue("application/json"));

    private async Task AssertErrorAsync(HttpMethod method, string path, string? bearer, HttpStatusCode status, string code, string? body = null)
    {
        var (actual, error) = await _client.SendAsync(method, path, bearer, body);
        Assert.True(status == actual, $"{method} {path}: expected {status}, got {actual}");
        Assert.Equal(code, error.GetProperty("error").GetProperty("code").GetString());
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("error").GetProperty("message").GetString()));
    }
}
