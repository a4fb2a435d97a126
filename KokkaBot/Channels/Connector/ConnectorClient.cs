using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using KokkaBot.Bot.Schema;
using Microsoft.Extensions.Options;

namespace KokkaBot.Channels.Connector;

/// <summary>The channel could not take a reply, after retries.</summary>
public sealed class ConnectorException(string message, HttpStatusCode? status = null, Exception? inner = null) : Exception(message, inner)
{
    public HttpStatusCode? Status { get; } = status;
}

/// <summary>
/// Calls the Bot Connector REST API v3 of a channel (protocols §3): replies and messages to a
/// conversation. Throttling (429) and server errors (5xx) are retried with exponential backoff,
/// honouring Retry-After.
/// </summary>
public sealed partial class ConnectorClient(HttpClient http, IOptions<ConnectorOptions> options, TimeProvider clock, ILogger<ConnectorClient> logger)
{
    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };

    /// <summary>POST {serviceUrl}/v3/conversations/{conversationId}/activities[/{replyToId}].</summary>
    public async Task<ResourceResponse> SendAsync(Activity activity, CancellationToken cancellationToken)
    {
        var serviceUrl = activity.ServiceUrl ?? throw new ConnectorException("The activity has no serviceUrl to reply to.");
        var conversationId = activity.Conversation?.Id ?? throw new ConnectorException("The activity has no conversation id.");
        var path = $"v3/conversations/{Uri.EscapeDataString(conversationId)}/activities";
        if (!string.IsNullOrEmpty(activity.ReplyToId))
            path += "/" + Uri.EscapeDataString(activity.ReplyToId);
        var url = new Uri(new Uri(serviceUrl.EndsWith('/') ? serviceUrl : serviceUrl + "/"), path);
        // Channels assign id and timestamp; serviceUrl is theirs too (protocols §3.2).
        var body = BotJson.SerializeToUtf8Bytes(activity with { Id = null, Timestamp = null, ServiceUrl = null });

        var settings = options.Value;
        for (var attempt = 0; ; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = Json;
            HttpResponseMessage response;
            try
            {
                response = await http.SendAsync(request, cancellationToken);
            }
            catch (HttpRequestException e)
            {
                throw new ConnectorException($"The channel at {url.GetLeftPart(UriPartial.Authority)} could not be reached.", inner: e);
            }
            catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
            {
                throw new ConnectorException($"The channel at {url.GetLeftPart(UriPartial.Authority)} did not answer in time.", inner: e);
            }

            using (response)
            {
                var operationId = response.Headers.TryGetValues("X-Correlating-OperationId", out var ids) ? ids.FirstOrDefault() : null;
                if (response.IsSuccessStatusCode)
                {
                    LogDelivered(activity.Type, conversationId, (int)response.StatusCode, operationId);
                    return await ReadResourceResponseAsync(response, cancellationToken);
                }

                var transient = response.StatusCode == HttpStatusCode.TooManyRequests || (int)response.StatusCode >= 500;
                if (!transient || attempt >= settings.MaxRetries)
                {
                    LogRefused((int)response.StatusCode, conversationId, operationId);
                    throw new ConnectorException($"The channel refused the activity with HTTP {(int)response.StatusCode}.", response.StatusCode);
                }

                var delay = RetryDelay(response, settings.RetryDelay, attempt);
                LogRetrying((int)response.StatusCode, conversationId, delay.TotalMilliseconds, attempt + 1);
                await Task.Delay(delay, clock, cancellationToken);
            }
        }
    }

    private static TimeSpan RetryDelay(HttpResponseMessage response, TimeSpan first, int attempt)
    {
        var backoff = first * Math.Pow(2, attempt);
        var retryAfter = response.Headers.RetryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - DateTimeOffset.UtcNow,
            _ => TimeSpan.Zero,
        };
        var delay = retryAfter > backoff ? retryAfter : backoff;
        return delay > TimeSpan.FromSeconds(10) ? TimeSpan.FromSeconds(10) : delay;
    }

    private static async Task<ResourceResponse> ReadResourceResponseAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        // Some channels answer without a usable body; the id is a nicety, not a contract.
        try
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            return string.IsNullOrWhiteSpace(text)
                ? new ResourceResponse(null)
                : JsonSerializer.Deserialize(text, BotJsonContext.Default.ResourceResponse) ?? new ResourceResponse(null);
        }
        catch (JsonException)
        {
            return new ResourceResponse(null);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Delivered {ActivityType} to {ConversationId}: HTTP {Status} (operation {OperationId})")]
    private partial void LogDelivered(string? activityType, string conversationId, int status, string? operationId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Channel answered HTTP {Status} for {ConversationId}; retry {Attempt} in {DelayMs} ms")]
    private partial void LogRetrying(int status, string conversationId, double delayMs, int attempt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Channel refused an activity for {ConversationId}: HTTP {Status} (operation {OperationId})")]
    private partial void LogRefused(int status, string conversationId, string? operationId);
}
