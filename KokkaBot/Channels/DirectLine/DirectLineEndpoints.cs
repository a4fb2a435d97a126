using System.Net.WebSockets;
using System.Text.Json;
using KokkaBot.Bot.Schema;
using KokkaBot.Channels.Connector;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace KokkaBot.Channels.DirectLine;

/// <summary>
/// The built-in Direct Line 3.0 service at <c>/v3/directline</c>, as botframework-directlinejs and
/// Web Chat use it (protocols §5): tokens, conversations, activities with watermarks, the WebSocket stream.
/// </summary>
public static class DirectLineEndpoints
{
    public const string CorsPolicy = "DirectLine";

    public static IServiceCollection AddDirectLine(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DirectLineOptions>().Bind(configuration.GetSection(DirectLineOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<DirectLineTokens>();
        services.AddSingleton<DirectLineStore>();
        services.AddSingleton<DirectLineStreams>();
        services.AddSingleton<DirectLineAdapter>();
        services.AddSingleton<DirectLineConversations>();
        services.AddSingleton<DirectLineStreamConnection>();
        // Browser clients on other origins (a web page embedding Web Chat) authenticate with tokens, not cookies.
        services.AddCors(cors => cors.AddPolicy(CorsPolicy, policy => policy
            .AllowAnyOrigin()
            .WithMethods("GET", "POST")
            .WithHeaders("authorization", "content-type", "x-ms-bot-agent")
            .WithExposedHeaders("Retry-After")));
        return services;
    }

    public static IEndpointRouteBuilder MapDirectLine(this IEndpointRouteBuilder app)
    {
        var directLine = app.MapGroup("/v3/directline").RequireCors(CorsPolicy).DisableAntiforgery().WithTags("Direct Line");

        directLine.MapPost("/tokens/generate", GenerateTokenAsync);
        directLine.MapPost("/tokens/refresh", RefreshTokenAsync);
        directLine.MapPost("/conversations", StartConversationAsync);
        directLine.MapGet("/conversations/{conversationId}", ReconnectAsync);
        directLine.MapGet("/conversations/{conversationId}/activities", GetActivitiesAsync);
        directLine.MapPost("/conversations/{conversationId}/activities", PostActivityAsync);
        directLine.MapPost("/conversations/{conversationId}/upload", (string conversationId) =>
            Error(StatusCodes.Status400BadRequest, "BadArgument", "File uploads are not supported by this bot."));
        directLine.MapGet("/conversations/{conversationId}/stream", StreamAsync);
        return app;
    }

    private static async Task<IResult> GenerateTokenAsync(HttpRequest request, DirectLineTokens tokens, DirectLineConversations conversations, CancellationToken cancellationToken)
    {
        var caller = await AuthenticateAsync(request, tokens);
        if (caller.Problem is { } problem)
            return problem;
        if (!caller.Value!.IsSecret)
            return Error(StatusCodes.Status403Forbidden, "Forbidden", "A token can only be generated with the Direct Line secret.");

        var parameters = await ReadTokenParametersAsync(request, cancellationToken);
        if (parameters.Problem is { } badBody)
            return badBody;
        var conversation = await conversations.CreateAsync(parameters.Value?.User, parameters.Value?.Locale, cancellationToken);
        return Json(StatusCodes.Status200OK, conversations.Describe(conversation, request, withStream: false, watermark: null));
    }

    private static async Task<IResult> RefreshTokenAsync(HttpRequest request, DirectLineTokens tokens, DirectLineStore store, CancellationToken cancellationToken)
    {
        var caller = await AuthenticateAsync(request, tokens);
        if (caller.Problem is { } problem)
            return problem;
        if (caller.Value!.Grant is not { } grant)
            return Error(StatusCodes.Status403Forbidden, "Forbidden", "Only a token can be refreshed; the secret does not expire.");
        if (await store.FindAsync(grant.ConversationId, cancellationToken) is null)
            return Error(StatusCodes.Status404NotFound, "NotFound", "The conversation of this token no longer exists.");
        return Json(StatusCodes.Status200OK, new DirectLineConversation(grant.ConversationId, tokens.Issue(grant), tokens.ExpiresInSeconds));
    }

    private static async Task<IResult> StartConversationAsync(HttpRequest request, DirectLineTokens tokens, DirectLineConversations conversations, CancellationToken cancellationToken)
    {
        var caller = await AuthenticateAsync(request, tokens);
        if (caller.Problem is { } problem)
            return problem;
        var parameters = await ReadTokenParametersAsync(request, cancellationToken);
        if (parameters.Problem is { } badBody)
            return badBody;

        var (conversation, created) = await conversations.StartAsync(caller.Value!, parameters.Value, request, cancellationToken);
        return Json(created ? StatusCodes.Status201Created : StatusCodes.Status200OK,
            conversations.Describe(conversation, request, withStream: true, watermark: null));
    }

    private static async Task<IResult> ReconnectAsync(string conversationId, string? watermark, HttpRequest request, DirectLineTokens tokens, DirectLineStore store, DirectLineConversations conversations, CancellationToken cancellationToken)
    {
        var access = await AuthorizeAsync(request, tokens, store, conversationId, cancellationToken);
        if (access.Problem is { } problem)
            return problem;
        return Json(StatusCodes.Status200OK, conversations.Describe(access.Value!, request, withStream: true, watermark: watermark));
    }

    private static async Task<IResult> GetActivitiesAsync(string conversationId, string? watermark, HttpRequest request, DirectLineTokens tokens, DirectLineStore store, IOptions<DirectLineOptions> options, CancellationToken cancellationToken)
    {
        var access = await AuthorizeAsync(request, tokens, store, conversationId, cancellationToken);
        if (access.Problem is { } problem)
            return problem;

        var after = DirectLineStore.ParseWatermark(watermark);
        var page = await store.ReadAfterAsync(conversationId, after, options.Value.PageSize, cancellationToken);
        var next = page.Count > 0 ? page[^1].Sequence : after;
        return new ActivitySetResult(new ActivitySet(page.Select(p => p.Activity).ToArray(), next.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    private static async Task<IResult> PostActivityAsync(string conversationId, HttpRequest request, DirectLineTokens tokens, DirectLineStore store, DirectLineConversations conversations, IOptions<DirectLineOptions> options, CancellationToken cancellationToken)
    {
        var access = await AuthorizeAsync(request, tokens, store, conversationId, cancellationToken);
        if (access.Problem is { } problem)
            return problem;

        var read = await ActivityReader.ReadAsync(request, options.Value.MaxActivityBytes, cancellationToken);
        if (read.Activity is not { } activity)
            return Error(read.Problem is ProblemHttpResult { StatusCode: 413 } ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest,
                "BadArgument", ProblemDetail(read.Problem));
        if (string.IsNullOrWhiteSpace(activity.Type))
            return Error(StatusCodes.Status400BadRequest, "MissingProperty", "The activity needs a type.");
        if (!DirectLineConversations.MayPost(activity.Type))
            return Error(StatusCodes.Status400BadRequest, "BadArgument", $"Clients cannot post '{activity.Type}' activities; post a message or an event.");

        var caller = access.Caller!;
        var from = caller.Grant is { } grant
            // The token's user is who speaks: a client cannot post as someone else.
            ? (activity.From ?? new ChannelAccount()) with { Id = grant.UserId, Name = activity.From?.Name ?? grant.UserName, Role = RoleTypes.User }
            : activity.From;
        if (string.IsNullOrWhiteSpace(from?.Id))
            return Error(StatusCodes.Status400BadRequest, "MissingProperty", "The activity needs from.id when it is posted with the secret.");

        try
        {
            var id = await conversations.ReceiveAsync(access.Value!, activity with { From = from }, request, cancellationToken);
            return Json(StatusCodes.Status200OK, new ResourceResponse(id));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return Error(StatusCodes.Status502BadGateway, "BotError", "The bot could not process the activity.");
        }
    }

    private static async Task StreamAsync(string conversationId, string? watermark, string? t, HttpContext context, DirectLineTokens tokens, DirectLineStore store, DirectLineStreamConnection connection)
    {
        var access = await AuthorizeAsync(context.Request, tokens, store, conversationId, context.RequestAborted, queryToken: t);
        if (access.Problem is { } problem)
        {
            await problem.ExecuteAsync(context);
            return;
        }
        if (!context.WebSockets.IsWebSocketRequest)
        {
            await Error(StatusCodes.Status400BadRequest, "BadArgument", "The stream is a WebSocket: connect with ws:// or wss://.").ExecuteAsync(context);
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        await connection.RunAsync(socket, conversationId, DirectLineStore.ParseWatermark(watermark), context.RequestAborted);
    }

    private sealed record Outcome<T>(T? Value, IResult? Problem, DirectLineCaller? Caller = null);

    private static async Task<Outcome<DirectLineCaller>> AuthenticateAsync(HttpRequest request, DirectLineTokens tokens, string? queryToken = null)
    {
        string? presented = queryToken;
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            presented = header["Bearer ".Length..].Trim();
        if (string.IsNullOrEmpty(presented))
            return new(null, Error(StatusCodes.Status401Unauthorized, "Unauthorized", "Send 'Authorization: Bearer <secret or token>'."));
        if (tokens.IsSecret(presented))
            return new(DirectLineCaller.Secret, null);

        var (check, grant) = await tokens.ValidateAsync(presented);
        return check switch
        {
            TokenCheck.Valid => new(new DirectLineCaller(false, grant), null),
            TokenCheck.Expired => new(null, Error(StatusCodes.Status403Forbidden, "TokenExpired", "The token has expired. Get a new one.")),
            _ => new(null, Error(StatusCodes.Status401Unauthorized, "Unauthorized", "The secret or token is not valid.")),
        };
    }

    /// <summary>The caller must hold the secret or a token for this conversation, and the conversation must exist.</summary>
    private static async Task<Outcome<DirectLineConversationRecord>> AuthorizeAsync(
        HttpRequest request, DirectLineTokens tokens, DirectLineStore store, string conversationId, CancellationToken cancellationToken, string? queryToken = null)
    {
        var caller = await AuthenticateAsync(request, tokens, queryToken);
        if (caller.Problem is { } problem)
            return new(null, problem);
        if (!caller.Value!.MayUse(conversationId))
            return new(null, Error(StatusCodes.Status403Forbidden, "Forbidden", "This token belongs to another conversation."));
        var conversation = await store.FindAsync(conversationId, cancellationToken);
        return conversation is null
            ? new(null, Error(StatusCodes.Status404NotFound, "NotFound", "Unknown conversation."))
            : new(conversation, null, caller.Value);
    }

    private static async Task<Outcome<TokenParameters>> ReadTokenParametersAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var body = await ActivityReader.ReadBodyAsync(request, 16 * 1024, cancellationToken);
        if (body is null)
            return new(null, Error(StatusCodes.Status413PayloadTooLarge, "BadArgument", "The token parameters are too large."));
        if (body.Length == 0)
            return new(null, null);
        try
        {
            var parameters = JsonSerializer.Deserialize(body, DirectLineJsonContext.Default.TokenParameters);
            if (parameters?.User?.Id is { } userId && (string.IsNullOrWhiteSpace(userId) || userId.Length > 256))
                return new(null, Error(StatusCodes.Status400BadRequest, "BadArgument", "user.id must be 1 to 256 characters."));
            return new(parameters, null);
        }
        catch (JsonException e)
        {
            return new(null, Error(StatusCodes.Status400BadRequest, "BadArgument", $"The body is not valid JSON: {e.Message}"));
        }
    }

    private static string ProblemDetail(IResult? problem) =>
        problem is ProblemHttpResult { ProblemDetails.Detail: { } detail } ? detail : "The activity is not valid.";

    internal static IResult Error(int status, string code, string message) =>
        Json(status, new DirectLineError(new DirectLineErrorBody(code, message)));

    private static JsonHttpResult<T> Json<T>(int status, T body) =>
        TypedResults.Json(body, (System.Text.Json.Serialization.Metadata.JsonTypeInfo<T>)DirectLineJsonContext.Default.GetTypeInfo(typeof(T))!, statusCode: status);

    private sealed class ActivitySetResult(ActivitySet set) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.ContentType = "application/json; charset=utf-8";
            await JsonSerializer.SerializeAsync(httpContext.Response.Body, set, BotJsonContext.Default.ActivitySet, httpContext.RequestAborted);
        }
    }
}
