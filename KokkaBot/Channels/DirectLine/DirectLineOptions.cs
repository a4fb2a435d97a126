using System.ComponentModel.DataAnnotations;

namespace KokkaBot.Channels.DirectLine;

public sealed class DirectLineOptions
{
    public const string Section = "DirectLine";

    /// <summary>
    /// The Direct Line secret (the master key that mints tokens). Empty: a random development secret
    /// is generated once and kept in the data folder.
    /// </summary>
    public string? Secret { get; set; }

    /// <summary>How long a token is valid; DirectLineJS refreshes it every 15 minutes.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Empty frames on an idle WebSocket, so proxies and browsers notice a dead connection.</summary>
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Most activities in one ActivitySet (a GET page or one replay frame).</summary>
    [Range(1, 1000)]
    public int PageSize { get; set; } = 100;

    /// <summary>Largest activity a client may post, in bytes.</summary>
    [Range(1024, 16 * 1024 * 1024)]
    public int MaxActivityBytes { get; set; } = 256 * 1024;

    /// <summary>The bot's account in Direct Line conversations.</summary>
    [Required]
    public string BotId { get; set; } = "kokkabot";

    [Required]
    public string BotName { get; set; } = "KokkaBot";
}
