using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace KokkaBot.Bot.Cards;

/// <summary>A button of an Adaptive Card (in <see cref="AdaptiveCard.Actions"/> or an <see cref="ActionSet"/>).</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(OpenUrlAction), "Action.OpenUrl")]
[JsonDerivedType(typeof(SubmitAction), "Action.Submit")]
public abstract record AdaptiveAction(string Title)
{
    public string? Id { get; init; }
    public ActionStyle? Style { get; init; }
}

/// <summary>Opens a web page; the bot is not told.</summary>
public sealed record OpenUrlAction(string Title, string Url) : AdaptiveAction(Title);

/// <summary>
/// Sends <see cref="Data"/> back to the bot as the <c>value</c> of a message activity (Web Chat and Teams);
/// read it with <see cref="CardSubmit"/>. Data is always a JSON object: a string would arrive as the user's text.
/// </summary>
public sealed record SubmitAction(string Title) : AdaptiveAction(Title)
{
    public JsonElement? Data { get; init; }

    /// <summary>A submit whose data is <c>{"action": action, ...values}</c> (see <see cref="CardSubmit.Data"/>).</summary>
    public static SubmitAction For(string title, string action, IReadOnlyDictionary<string, string>? values = null) =>
        new(title) { Data = CardSubmit.Data(action, values) };

    /// <summary>
    /// Adds Teams' <c>msteams: {type: "messageBack", text, displayText, value}</c> to the data, so that in Teams the
    /// click also shows <paramref name="displayText"/> (default: <paramref name="text"/>) in the chat as the user's
    /// message, and <paramref name="text"/> arrives as the activity's text. <c>msteams.value</c> repeats the data as a
    /// JSON string (the documented form), so the data arrives whether Teams fills <c>value</c> from it or from the data's
    /// own properties. Other channels ignore <c>msteams</c> and send the whole data object, <c>msteams</c> included.
    /// </summary>
    public SubmitAction WithTeamsMessageBack(string text, string? displayText = null)
    {
        var data = Data switch
        {
            null => new JsonObject(),
            { ValueKind: JsonValueKind.Object } d => JsonObject.Create(d)!,
            _ => throw new InvalidOperationException("A Teams messageBack needs the submit data to be a JSON object."),
        };
        data.Remove(CardSubmit.TeamsProperty);
        var value = data.ToJsonString();
        data[CardSubmit.TeamsProperty] = new JsonObject
        {
            ["type"] = "messageBack",
            ["text"] = text,
            ["displayText"] = displayText ?? text,
            ["value"] = value,
        };
        return this with { Data = JsonSerializer.SerializeToElement(data, CardJsonContext.Default.JsonObject) };
    }
}
