using System.Buffers;
using System.Net;
using System.Text.Json;
using KokkaBot.Bot.Schema;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace KokkaBot.Channels.Connector;

public static partial class ConnectorEndpoints
{
    public static IServiceCollection AddBotConnector(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<BotFrameworkOptions>().Bind(configuration);
        services.AddOptions<ConnectorOptions>().Bind(configuration.GetSection(ConnectorOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddHttpClient<ConnectorClient>((sp, http) => http.Timeout = sp.GetRequiredService<IOptions<ConnectorOptions>>().Value.Timeout);
        services.AddSingleton<ConnectorAdapter>();
        services.AddSingleton<IChannelAuthenticator>(sp => sp.GetRequiredService<IOptions<BotFrameworkOptions>>().Value.IsLocalMode
            ? new LocalModeAuthenticator()
            : new ChannelTokensNotSupportedAuthenticator());
        services.AddHostedService<ConnectorModeAnnouncer>();
        return services;
    }

    /// <summary><c>POST /api/messages</c>: Bot Framework activities from Azure Bot Service, Teams and the Emulator.</summary>
    public static IEndpointRouteBuilder MapBotConnector(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/messages", HandleAsync)
            .WithName("PostActivity")
            .DisableAntiforgery();
        return app;
    }

    private static async Task<IResult> HandleAsync(
        HttpRequest request,
        ConnectorAdapter adapter,
        IChannelAuthenticator authenticator,
        IOptions<ConnectorOptions> options,
        IOptions<BotFrameworkOptions> botFramework,
        CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (request.ContentType is { } contentType && !contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
            return Problem(StatusCodes.Status415UnsupportedMediaType, "Unsupported content type", "Activities are sent as application/json.");

        var read = await ActivityReader.ReadAsync(request, settings.MaxActivityBytes, cancellationToken);
        if (read.Problem is { } readProblem)
            return readProblem;
        var activity = read.Activity!;

        if (ActivityReader.Check(activity) is { } invalid)
            return Problem(StatusCodes.Status400BadRequest, "Invalid activity", invalid);
        if (!activity.ExpectsReplies && ServiceUrlProblem(activity.ServiceUrl, botFramework.Value.IsLocalMode && !settings.AllowRemoteServiceUrlInLocalMode) is { } badServiceUrl)
            return Problem(StatusCodes.Status400BadRequest, "Invalid activity", badServiceUrl);

        var auth = await authenticator.AuthenticateAsync(request, activity, cancellationToken);
        if (!auth.Allowed)
            return Problem(StatusCodes.Status401Unauthorized, "Unauthorized", auth.Reason ?? "The request is not authenticated.");

        var result = await adapter.ProcessActivityAsync(activity, auth, cancellationToken);
        return result.Body switch
        {
            ExpectedReplies replies => new Utf8JsonResult(JsonSerializer.SerializeToUtf8Bytes(replies, BotJsonContext.Default.ExpectedReplies), result.Status),
            JsonElement body => new Utf8JsonResult(JsonSerializer.SerializeToUtf8Bytes(body), result.Status),
            _ => TypedResults.StatusCode(result.Status),
        };
    }

    private static string? ServiceUrlProblem(string? serviceUrl, bool loopbackOnly)
    {
        if (string.IsNullOrWhiteSpace(serviceUrl))
            return "serviceUrl is required: it is where the replies go.";
        if (!Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            return "serviceUrl must be an absolute http(s) URL.";
        if (loopbackOnly && !uri.IsLoopback && !(IPAddress.TryParse(uri.Host, out var ip) && IPAddress.IsLoopback(ip)))
            return "In local mode (no MicrosoftAppId) replies only go to a serviceUrl on this machine, such as the Emulator's.";
        return null;
    }

    internal static ProblemHttpResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title);

    /// <summary>Pre-serialised JSON, written as is.</summary>
    private sealed class Utf8JsonResult(byte[] body, int status) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = status;
            httpContext.Response.ContentType = "application/json; charset=utf-8";
            httpContext.Response.ContentLength = body.Length;
            return httpContext.Response.Body.WriteAsync(body).AsTask();
        }
    }
}

/// <summary>Reads an activity from a request body: size limit, valid JSON, the right shape.</summary>
public static class ActivityReader
{
    public sealed record Result(Activity? Activity, IResult? Problem);

    public static async Task<Result> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        var body = await ReadBodyAsync(request, maxBytes, cancellationToken);
        return body is null ? TooLarge(maxBytes) : Parse(body);
    }

    /// <summary>The whole body, or null when it is larger than <paramref name="maxBytes"/>.</summary>
    public static async Task<byte[]?> ReadBodyAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
            return null;

        var reader = request.BodyReader;
        while (true)
        {
            var read = await reader.ReadAsync(cancellationToken);
            var buffer = read.Buffer;
            if (buffer.Length > maxBytes)
            {
                reader.AdvanceTo(buffer.Start, buffer.End);
                return null;
            }
            if (read.IsCompleted || read.IsCanceled)
            {
                var body = buffer.ToArray();
                reader.AdvanceTo(buffer.End);
                return body;
            }
            reader.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    private static Result Parse(byte[] body)
    {
        if (body.Length == 0)
            return Bad("The body is empty; an activity is expected.");
        try
        {
            var json = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = 64 });
            var activity = JsonSerializer.Deserialize(ref json, BotJsonContext.Default.Activity);
            return activity is null ? Bad("The body is null; an activity is expected.") : new Result(activity, null);
        }
        catch (JsonException e)
        {
            return Bad(DescribeJsonError(e));
        }
    }

    /// <summary>Says where the JSON went wrong, without the serializer's type names.</summary>
    public static string DescribeJsonError(JsonException e) =>
        e.Path is { Length: > 1 } path
            ? $"The body is not a valid activity: '{path}' is malformed or has the wrong type (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1})."
            : $"The body is not a valid JSON object (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}).";

    /// <summary>What every activity must have (protocols §2.1), or null when it has it.</summary>
    public static string? Check(Activity activity)
    {
        if (string.IsNullOrWhiteSpace(activity.Type))
            return "type is required.";
        if (string.IsNullOrWhiteSpace(activity.ChannelId))
            return "channelId is required.";
        if (string.IsNullOrWhiteSpace(activity.Conversation?.Id))
            return "conversation.id is required.";
        if (activity.Type is ActivityTypes.Event or ActivityTypes.Invoke && string.IsNullOrWhiteSpace(activity.Name))
            return $"name is required for {activity.Type} activities.";
        return null;
    }

    private static Result Bad(string detail) =>
        new(null, ConnectorEndpoints.Problem(StatusCodes.Status400BadRequest, "Invalid activity", detail));

    private static Result TooLarge(int maxBytes) =>
        new(null, ConnectorEndpoints.Problem(StatusCodes.Status413PayloadTooLarge, "Activity too large", $"An activity may be at most {maxBytes} bytes."));
}

/// <summary>Says at start-up whether channels are authenticated, so nobody runs local mode by accident.</summary>
internal sealed partial class ConnectorModeAnnouncer(IOptions<BotFrameworkOptions> options, ILogger<ConnectorModeAnnouncer> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.IsLocalMode)
            LogLocalMode();
        else
            LogTokensUnsupported(options.Value.MicrosoftAppId!);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "No MicrosoftAppId configured: /api/messages runs in local mode without channel authentication (Emulator and tests only).")]
    private partial void LogLocalMode();

    [LoggerMessage(Level = LogLevel.Error, Message = "MicrosoftAppId {AppId} is configured, but Bot Connector token validation is not in this build: /api/messages refuses every request with 401.")]
    private partial void LogTokensUnsupported(string appId);
}
