using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Serialization;
using System.Threading.RateLimiting;
using KokkaBot.Channels.Connector;
using KokkaBot.Channels.DirectLine;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace KokkaBot.WebChat;

/// <summary>
/// What the web chat page asks for. <c>UserKey</c> is the signed user id it got last time (kept in
/// the browser, so a returning student keeps their profile); <c>Resume</c> the conversation of this
/// browser tab, to continue it after a reload.
/// </summary>
public sealed record WebChatTokenRequest(string? UserKey = null, WebChatResume? Resume = null, string? Locale = null);

public sealed record WebChatResume(string ConversationId, string Token);

public sealed class WebChatOptions
{
    public const string Section = "WebChat";

    /// <summary>
    /// New chat tokens one address may take per minute. A campus or a company shares one address
    /// behind its NAT, so this is generous; it stops scripts from filling the database.
    /// </summary>
    [System.ComponentModel.DataAnnotations.Range(1, 100_000)]
    public int TokensPerMinutePerAddress { get; set; } = 300;
}

public sealed record WebChatTokenResponse(
    string ConversationId,
    string Token,
    [property: JsonPropertyName("expires_in")] int ExpiresIn,
    string UserKey,
    bool Resumed);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(WebChatTokenRequest))]
[JsonSerializable(typeof(WebChatTokenResponse))]
internal sealed partial class WebChatJsonContext : JsonSerializerContext;

/// <summary>
/// The student's web chat page at <c>/</c> (static files in wwwroot) and its token endpoint, which
/// trades the server-side Direct Line secret for a short-lived token: the secret never reaches a browser.
/// </summary>
public static class WebChatEndpoints
{
    private const string RateLimitPolicy = "webchat-token";

    public static IServiceCollection AddWebChat(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WebChatOptions>().Bind(configuration.GetSection(WebChatOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Each token starts a conversation: one address gets a sensible number of them per minute.
            limiter.AddPolicy(RateLimitPolicy, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = context.RequestServices.GetRequiredService<IOptions<WebChatOptions>>().Value.TokensPerMinutePerAddress,
                    Window = TimeSpan.FromMinutes(1),
                }));
        });
        return services;
    }

    public static IEndpointRouteBuilder MapWebChat(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/webchat/token", IssueTokenAsync)
            .WithName("WebChatToken")
            .RequireRateLimiting(RateLimitPolicy)
            .DisableAntiforgery();
        return app;
    }

    private static async Task<Results<Ok<WebChatTokenResponse>, ProblemHttpResult>> IssueTokenAsync(
        HttpRequest request, DirectLineTokens tokens, DirectLineStore store, DirectLineConversations conversations, CancellationToken cancellationToken)
    {
        var body = await ActivityReader.ReadBodyAsync(request, 8 * 1024, cancellationToken);
        WebChatTokenRequest? ask = null;
        if (body is null)
            return TypedResults.Problem("The request is too large.", statusCode: StatusCodes.Status413PayloadTooLarge);
        if (body.Length > 0)
        {
            try
            {
                ask = System.Text.Json.JsonSerializer.Deserialize(body, WebChatJsonContext.Default.WebChatTokenRequest);
            }
            catch (System.Text.Json.JsonException)
            {
                return TypedResults.Problem("The request is not valid JSON.", statusCode: StatusCodes.Status400BadRequest);
            }
        }

        if (ask?.Resume is { } resume && await TryResumeAsync(resume, tokens, store, cancellationToken) is { } resumed)
            return TypedResults.Ok(resumed);

        var userId = VerifyUserKey(tokens, ask?.UserKey) ?? "dl_" + DirectLineStore.NewConversationId().ToLowerInvariant();
        var conversation = await conversations.CreateAsync(new Bot.Schema.ChannelAccount { Id = userId }, ask?.Locale, cancellationToken);
        var described = conversations.Describe(conversation, request, withStream: false, watermark: null);
        return TypedResults.Ok(new WebChatTokenResponse(conversation.Id, described.Token, described.ExpiresIn, SignUserId(tokens, userId), Resumed: false));
    }

    /// <summary>A still-valid token of an existing conversation gets a fresh one: the tab continues where it was.</summary>
    private static async Task<WebChatTokenResponse?> TryResumeAsync(WebChatResume resume, DirectLineTokens tokens, DirectLineStore store, CancellationToken cancellationToken)
    {
        var (check, grant) = await tokens.ValidateAsync(resume.Token);
        if (check != TokenCheck.Valid || grant!.ConversationId != resume.ConversationId)
            return null;
        if (await store.FindAsync(grant.ConversationId, cancellationToken) is null)
            return null;
        return new WebChatTokenResponse(grant.ConversationId, tokens.Issue(grant), tokens.ExpiresInSeconds, SignUserId(tokens, grant.UserId), Resumed: true);
    }

    private static string SignUserId(DirectLineTokens tokens, string userId) =>
        $"{userId}.{Base64UrlEncoder.Encode(tokens.Sign(Encoding.UTF8.GetBytes("webchat-user:" + userId)))}";

    private static string? VerifyUserKey(DirectLineTokens tokens, string? userKey)
    {
        if (string.IsNullOrEmpty(userKey) || userKey.LastIndexOf('.') is var dot && dot <= 0)
            return null;
        var userId = userKey[..dot];
        byte[] presented;
        try
        {
            presented = Base64UrlEncoder.DecodeBytes(userKey[(dot + 1)..]);
        }
        catch (FormatException)
        {
            return null;
        }
        var expected = tokens.Sign(Encoding.UTF8.GetBytes("webchat-user:" + userId));
        return CryptographicOperations.FixedTimeEquals(presented, expected) ? userId : null;
    }
}
