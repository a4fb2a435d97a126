using System.Text.Json;
using KokkaBot.Bot.Schema;

namespace KokkaBot.Bot.Cards;

/// <summary>
/// The card-button kinds <see cref="CardAction"/> has no factory for (it has <see cref="CardAction.ImBack"/> and
/// <see cref="CardAction.OpenUrl"/>). Give both an object value built with <see cref="CardSubmit.Data"/>: it then
/// arrives as the activity's <c>value</c>, read with <see cref="CardSubmit"/> like an Adaptive Card submit.
/// </summary>
public static class CardActions
{
    /// <summary>
    /// Sends <paramref name="value"/> to the bot without showing a message. Web Chat sends an object value as
    /// <c>value</c> (a string one as visible text); Teams does not support postBack on cards: use <see cref="MessageBack"/>.
    /// </summary>
    public static CardAction PostBack(string title, JsonElement value) => new()
    {
        Type = ActionTypes.PostBack,
        Title = title,
        Value = value,
    };

    /// <summary>
    /// Sends <paramref name="value"/> and <paramref name="text"/> to the bot and shows <paramref name="displayText"/>
    /// in the chat as the user's message (Web Chat and Teams).
    /// </summary>
    public static CardAction MessageBack(string title, JsonElement value, string? text = null, string? displayText = null) => new()
    {
        Type = ActionTypes.MessageBack,
        Title = title,
        Value = value,
        Text = text,
        DisplayText = displayText,
    };
}
