using System.ComponentModel.DataAnnotations;

namespace KokkaBot.Escalation;

public enum HandoffMode
{
    /// <summary>Our own queue and advisor console (/advisor).</summary>
    Console,

    /// <summary>An external contact-centre hub: the bot sends handoff.initiate and waits for handoff.status.</summary>
    Hub,
}

public sealed class EscalationOptions
{
    public const string Section = "Escalation";

    public HandoffMode Mode { get; set; } = HandoffMode.Console;

    /// <summary>Questions in a row the bot could not answer before it offers a person.</summary>
    [Range(1, 10)]
    public int UnansweredInRow { get; set; } = 2;

    /// <summary>Negative sentiment at or above this score offers a person.</summary>
    [Range(0.5, 1.0)]
    public double FrustrationScore { get; set; } = 0.75;

    public string TimeZoneId { get; set; } = "Europe/Helsinki";

    public TimeZoneInfo TimeZone => TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId);
}
