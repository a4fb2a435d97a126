using System.Text.Json.Serialization;
using KokkaBot.Bot.Schema;

namespace KokkaBot.Channels.DirectLine;

/// <summary>The Direct Line Conversation object (tokens, start, reconnect).</summary>
public sealed record DirectLineConversation(
    string ConversationId,
    string Token,
    [property: JsonPropertyName("expires_in")] int ExpiresIn,
    string? StreamUrl = null);

/// <summary>What a client may send when it asks for a token or starts a conversation.</summary>
public sealed record TokenParameters(ChannelAccount? User = null, string? Locale = null, IReadOnlyList<string>? TrustedOrigins = null, string? ETag = null);

public sealed record DirectLineError(DirectLineErrorBody Error);

/// <summary><c>code</c> is stable for clients to branch on; <c>message</c> is for people.</summary>
public sealed record DirectLineErrorBody(string Code, string Message);

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(DirectLineConversation))]
[JsonSerializable(typeof(TokenParameters))]
[JsonSerializable(typeof(DirectLineError))]
[JsonSerializable(typeof(ResourceResponse))]
public sealed partial class DirectLineJsonContext : JsonSerializerContext;
