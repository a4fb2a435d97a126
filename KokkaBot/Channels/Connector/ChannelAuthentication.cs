using KokkaBot.Bot.Schema;

namespace KokkaBot.Channels.Connector;

/// <summary>Who sent an activity to <c>/api/messages</c>, or why they were refused.</summary>
public sealed record ChannelAuthResult(bool Allowed, string? CallerId = null, string? Reason = null)
{
    public static ChannelAuthResult Anonymous { get; } = new(true);

    public static ChannelAuthResult Refused(string reason) => new(false, Reason: reason);
}

/// <summary>
/// The seam for channel authentication: validating the Bot Connector's JWT (protocols §4a) plugs in
/// here without touching the endpoint or the adapter.
/// </summary>
public interface IChannelAuthenticator
{
    Task<ChannelAuthResult> AuthenticateAsync(HttpRequest request, Activity activity, CancellationToken cancellationToken);
}

/// <summary>No MicrosoftAppId: every request is accepted as anonymous, as the SDK's local mode does.</summary>
public sealed class LocalModeAuthenticator : IChannelAuthenticator
{
    public Task<ChannelAuthResult> AuthenticateAsync(HttpRequest request, Activity activity, CancellationToken cancellationToken) =>
        Task.FromResult(ChannelAuthResult.Anonymous);
}

/// <summary>
/// A MicrosoftAppId is configured but this build cannot validate channel tokens yet: refuse
/// everything rather than accept unauthenticated traffic in a deployment that expects authentication.
/// </summary>
public sealed class ChannelTokensNotSupportedAuthenticator : IChannelAuthenticator
{
    public Task<ChannelAuthResult> AuthenticateAsync(HttpRequest request, Activity activity, CancellationToken cancellationToken) =>
        Task.FromResult(ChannelAuthResult.Refused(
            "MicrosoftAppId is set, but this build cannot validate Bot Connector tokens yet. Remove MicrosoftAppId to run in local mode."));
}
