using System.Text.Json;
using System.Text.Json.Nodes;
using KokkaBot.Bot.Schema;

namespace KokkaBot.Bot.Cards;

/// <summary>
/// The convention for what a card button sends back: a JSON object whose <c>"action"</c> names what was chosen,
/// with any other properties beside it. Builds that object for <see cref="SubmitAction"/> and hero-card buttons,
/// and reads it from the incoming activity.
/// </summary>
/// <remarks>
/// How it arrives: Web Chat sends an Action.Submit (and a postBack button) as a message with <c>value</c> = the data
/// object and no text. Teams does the same; with <see cref="SubmitAction.WithTeamsMessageBack"/> it also sets
/// <c>text</c>, and a messageBack's value may come as a JSON string, which is parsed here.
/// </remarks>
public static class CardSubmit
{
    public const string ActionProperty = "action";
    public const string TeamsProperty = "msteams";

    /// <summary>The data object <c>{"action": action, ...values}</c>.</summary>
    public static JsonElement Data(string action, IReadOnlyDictionary<string, string>? values = null)
    {
        var data = new JsonObject { [ActionProperty] = action };
        foreach (var (name, value) in values ?? new Dictionary<string, string>())
        {
            if (name is ActionProperty or TeamsProperty)
                throw new ArgumentException($"'{name}' is reserved in card submit data.", nameof(values));
            data[name] = value;
        }
        return JsonSerializer.SerializeToElement(data, CardJsonContext.Default.JsonObject);
    }

    /// <summary>True when <paramref name="activity"/> is a message carrying a submitted object in its <c>value</c>.</summary>
    public static bool TryGetSubmit(Activity activity, out JsonElement value)
    {
        value = default;
        if (!activity.IsMessage || activity.Value is not { } raw)
            return false;

        if (raw.ValueKind == JsonValueKind.Object)
        {
            value = raw;
            return true;
        }
        return raw.ValueKind == JsonValueKind.String && TryParseObject(raw.GetString(), out value);
    }

    /// <summary>The submitted <c>"action"</c>, or null when the activity is not a card submit or names none.</summary>
    public static string? GetAction(Activity activity) =>
        TryGetSubmit(activity, out var value) ? GetString(value, ActionProperty) : null;

    /// <summary>A string property of submitted data (a card input's id or one of the data's values), or null.</summary>
    public static string? GetString(JsonElement value, string name) =>
        value.ValueKind == JsonValueKind.Object
            && value.TryGetProperty(name, out var property)
            && property.ValueKind == JsonValueKind.String
            ? property.GetString()
            : null;

    private static bool TryParseObject(string? json, out JsonElement value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(json) || json.TrimStart()[0] != '{')
            return false;
        try
        {
            using var document = JsonDocument.Parse(json);
            value = document.RootElement.Clone();
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
