using System.Text.Json;
using KokkaBot.Bot.Schema;

namespace KokkaBot.Bot.Cards;

/// <summary>
/// A Bot Framework hero card: title, subtitle, text, images and buttons. Nearly every channel renders it, so it
/// is the fallback where Adaptive Cards are not rendered. Buttons are <see cref="CardAction"/>s
/// (<see cref="CardAction.OpenUrl"/>, <see cref="CardAction.ImBack"/>, <see cref="CardActions.PostBack"/>,
/// <see cref="CardActions.MessageBack"/>).
/// </summary>
public sealed record HeroCard
{
    public string? Title { get; init; }
    public string? Subtitle { get; init; }
    public string? Text { get; init; }
    public IReadOnlyList<CardImage>? Images { get; init; }
    public IReadOnlyList<CardAction>? Buttons { get; init; }

    /// <summary>What a tap on the card itself does.</summary>
    public CardAction? Tap { get; init; }

    public JsonElement ToJson() => JsonSerializer.SerializeToElement(this, CardJsonContext.Default.HeroCard);

    public Attachment ToAttachment() => new()
    {
        ContentType = ContentTypes.HeroCard,
        Content = ToJson(),
    };
}

public sealed record CardImage(string Url)
{
    public string? Alt { get; init; }
    public CardAction? Tap { get; init; }
}
