using System.Text.Json;
using System.Text.Json.Serialization;
using KokkaBot.Bot.Schema;

namespace KokkaBot.Bot.Cards;

/// <summary>
/// An Adaptive Card of schema version 1.5, the subset KokkaBot sends: text, facts, containers, columns,
/// images, and Action.OpenUrl / Action.Submit. Web Chat 4.18 (adaptivecards 3.x) and Teams render 1.5;
/// for channels that do not render Adaptive Cards, send a <see cref="HeroCard"/> instead.
/// </summary>
/// <remarks>
/// Nulls are left out of the JSON, so a renderer's defaults apply to whatever is not set. Build one with an
/// object initializer and send <see cref="ToAttachment"/> with <see cref="MessageFactory.Attachment"/>.
/// </remarks>
public sealed record AdaptiveCard
{
    public const string SchemaUrl = "http://adaptivecards.io/schemas/adaptive-card.json";
    public const string SchemaVersion = "1.5";

    [JsonPropertyOrder(-3)]
    public string Type => "AdaptiveCard";

    [JsonPropertyOrder(-2)]
    [JsonPropertyName("$schema")]
    public string Schema => SchemaUrl;

    [JsonPropertyOrder(-1)]
    public string Version => SchemaVersion;

    public IReadOnlyList<CardElement> Body { get; init; } = [];
    public IReadOnlyList<AdaptiveAction>? Actions { get; init; }

    /// <summary>Right-to-left layout (1.5); when null the host's own direction applies.</summary>
    public bool? Rtl { get; init; }

    /// <summary>The card's language (e.g. "fi"), used by hosts for date/time functions and speech.</summary>
    public string? Lang { get; init; }

    /// <summary>Shown by a host whose Adaptive Cards version is lower than 1.5.</summary>
    public string? FallbackText { get; init; }

    public string? Speak { get; init; }

    public JsonElement ToJson() => JsonSerializer.SerializeToElement(this, CardJsonContext.Default.AdaptiveCard);

    public Attachment ToAttachment() => new()
    {
        ContentType = ContentTypes.AdaptiveCard,
        Content = ToJson(),
    };
}
