using System.Text.Json;
using System.Text.Json.Serialization;

namespace KokkaBot.Bot.Schema;

/// <summary>
/// The JSON contract of the wire protocol: camelCase, nulls omitted, property names read
/// case-insensitively (channels are not uniform), generated at compile time for speed.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    PropertyNameCaseInsensitive = true,
    Converters = [typeof(UtcTimestampConverter)])]
[JsonSerializable(typeof(Activity))]
[JsonSerializable(typeof(ExpectedReplies))]
[JsonSerializable(typeof(ActivitySet))]
[JsonSerializable(typeof(ResourceResponse))]
[JsonSerializable(typeof(IReadOnlyList<Activity>))]
[JsonSerializable(typeof(ConversationReference))]
[JsonSerializable(typeof(string))]
public sealed partial class BotJsonContext : JsonSerializerContext;

/// <summary>
/// Writes timestamps in UTC with a "Z" suffix as channels do; reads any ISO-8601 form.
/// <c>localTimestamp</c> keeps its offset, so it is not routed through this converter (see <see cref="LocalTimestampConverter"/>).
/// </summary>
public sealed class UtcTimestampConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.GetDateTimeOffset();

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", System.Globalization.CultureInfo.InvariantCulture));
}

/// <summary>Keeps the sender's own offset on <c>localTimestamp</c>.</summary>
public sealed class LocalTimestampConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.GetDateTimeOffset();

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value);
}

public static class BotJson
{
    public static Activity? DeserializeActivity(ReadOnlySpan<byte> utf8Json) =>
        JsonSerializer.Deserialize(utf8Json, BotJsonContext.Default.Activity);

    public static byte[] SerializeToUtf8Bytes(Activity activity) =>
        JsonSerializer.SerializeToUtf8Bytes(activity, BotJsonContext.Default.Activity);

    public static string Serialize(Activity activity) =>
        JsonSerializer.Serialize(activity, BotJsonContext.Default.Activity);

    public static JsonElement ToElement(string value) =>
        JsonSerializer.SerializeToElement(value, BotJsonContext.Default.String);
}
