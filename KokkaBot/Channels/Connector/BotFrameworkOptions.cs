using System.ComponentModel.DataAnnotations;

namespace KokkaBot.Channels.Connector;

/// <summary>
/// Bot Framework settings under the names the Bot Framework SDK used, at the root of the
/// configuration, so that an existing bot's appsettings.json works unchanged.
/// </summary>
public sealed class BotFrameworkOptions
{
    /// <summary>Empty: local mode, no channel authentication (Emulator on this machine, tests).</summary>
    public string? MicrosoftAppId { get; set; }
    public string? MicrosoftAppPassword { get; set; }

    /// <summary>MultiTenant, SingleTenant or UserAssignedMSI.</summary>
    public string? MicrosoftAppType { get; set; }
    public string? MicrosoftAppTenantId { get; set; }

    public bool IsLocalMode => string.IsNullOrWhiteSpace(MicrosoftAppId);
}

/// <summary>How <c>POST /api/messages</c> treats what arrives and how replies go out.</summary>
public sealed class ConnectorOptions
{
    public const string Section = "Connector";

    /// <summary>Largest accepted activity body, in bytes (Direct Line's own limit is 256K characters).</summary>
    [Range(1024, 16 * 1024 * 1024)]
    public int MaxActivityBytes { get; set; } = 256 * 1024;

    /// <summary>Retries of a reply that the channel answered with 429 or 5xx.</summary>
    [Range(0, 10)]
    public int MaxRetries { get; set; } = 3;

    /// <summary>First retry delay; doubles each time (or what the channel's Retry-After says, up to 10 s).</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Time limit of one HTTP call to a channel.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// In local mode nobody proves where an activity came from, so replies only go to loopback
    /// serviceUrls (the Emulator, tests) unless this is switched on.
    /// </summary>
    public bool AllowRemoteServiceUrlInLocalMode { get; set; }
}
