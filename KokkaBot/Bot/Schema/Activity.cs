using System.Text.Json;
using System.Text.Json.Serialization;

namespace KokkaBot.Bot.Schema;

/// <summary>
/// A Bot Framework activity, as the Activity Protocol defines it. Unknown fields survive a round
/// trip in <see cref="Properties"/>; channel-specific payloads (<c>channelData</c>, <c>value</c>,
/// <c>entities</c>, attachment content) stay raw JSON so that nothing a channel sent is lost.
/// </summary>
public sealed record Activity
{
    public string? Type { get; init; }
    public string? Id { get; init; }
    public DateTimeOffset? Timestamp { get; init; }
    [JsonConverter(typeof(LocalTimestampConverter))]
    public DateTimeOffset? LocalTimestamp { get; init; }
    public string? LocalTimezone { get; init; }
    public string? ServiceUrl { get; init; }
    public string? ChannelId { get; init; }
    public ChannelAccount? From { get; init; }
    public ConversationAccount? Conversation { get; init; }
    public ChannelAccount? Recipient { get; init; }
    public string? ReplyToId { get; init; }
    public string? Text { get; init; }
    public string? TextFormat { get; init; }
    public string? Locale { get; init; }
    public string? Speak { get; init; }
    public string? InputHint { get; init; }
    public IReadOnlyList<Attachment>? Attachments { get; init; }
    public string? AttachmentLayout { get; init; }
    public string? Summary { get; init; }
    public SuggestedActions? SuggestedActions { get; init; }
    public IReadOnlyList<JsonElement>? Entities { get; init; }
    public JsonElement? ChannelData { get; init; }
    public JsonElement? Value { get; init; }
    public string? ValueType { get; init; }
    public string? Name { get; init; }
    public ConversationReference? RelatesTo { get; init; }
    public IReadOnlyList<ChannelAccount>? MembersAdded { get; init; }
    public IReadOnlyList<ChannelAccount>? MembersRemoved { get; init; }
    public string? TopicName { get; init; }
    public string? Action { get; init; }
    public string? Code { get; init; }
    public string? DeliveryMode { get; init; }
    public DateTimeOffset? Expiration { get; init; }
    public string? Importance { get; init; }
    public IReadOnlyList<string>? ListenFor { get; init; }
    public string? CallerId { get; init; }
    public string? Label { get; init; }

    /// <summary>Fields this model does not name, kept verbatim (spec A2005: tolerate unknown fields).</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Properties { get; set; }

    [JsonIgnore]
    public bool IsMessage => Type == ActivityTypes.Message;

    [JsonIgnore]
    public bool ExpectsReplies => DeliveryMode == DeliveryModes.ExpectReplies;

    /// <summary>A reference to this activity's conversation, for replies and proactive messages.</summary>
    public ConversationReference GetConversationReference() => new()
    {
        ActivityId = Type == ActivityTypes.ConversationUpdate ? null : Id,
        User = From,
        Bot = Recipient,
        Conversation = Conversation ?? new ConversationAccount(),
        ChannelId = ChannelId ?? "",
        ServiceUrl = ServiceUrl,
        Locale = Locale,
    };

    /// <summary>A reply to this activity: conversation copied, sender and recipient swapped (Connector §3.2).</summary>
    public Activity CreateReply(string? text = null) => new()
    {
        Type = ActivityTypes.Message,
        ChannelId = ChannelId,
        Conversation = Conversation,
        From = Recipient,
        Recipient = From,
        ReplyToId = Id,
        Locale = Locale,
        Text = text,
    };
}

public sealed record ChannelAccount
{
    public string? Id { get; init; }
    public string? Name { get; init; }
    public string? AadObjectId { get; init; }
    public string? Role { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Properties { get; set; }
}

public sealed record ConversationAccount
{
    public string? Id { get; init; }
    public string? Name { get; init; }
    public bool? IsGroup { get; init; }
    public string? ConversationType { get; init; }
    public string? TenantId { get; init; }
    public string? AadObjectId { get; init; }
    public string? Role { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Properties { get; set; }
}

public sealed record Attachment
{
    public string? ContentType { get; init; }
    public string? ContentUrl { get; init; }
    public JsonElement? Content { get; init; }
    public string? Name { get; init; }
    public string? ThumbnailUrl { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Properties { get; set; }
}

public sealed record SuggestedActions
{
    public IReadOnlyList<string>? To { get; init; }
    public IReadOnlyList<CardAction> Actions { get; init; } = [];

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Properties { get; set; }
}

public sealed record CardAction
{
    public string? Type { get; init; }
    public string? Title { get; init; }
    public string? Image { get; init; }
    public string? ImageAltText { get; init; }
    public string? Text { get; init; }
    public string? DisplayText { get; init; }
    public JsonElement? Value { get; init; }
    public JsonElement? ChannelData { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Properties { get; set; }

    /// <summary>A button that sends <paramref name="value"/> as the user's visible message (Web Chat uses the value as text).</summary>
    public static CardAction ImBack(string title, string? value = null) => new()
    {
        Type = ActionTypes.ImBack,
        Title = title,
        Value = JsonSerializer.SerializeToElement(value ?? title, BotJsonContext.Default.String),
    };

    public static CardAction OpenUrl(string title, string url) => new()
    {
        Type = ActionTypes.OpenUrl,
        Title = title,
        Value = JsonSerializer.SerializeToElement(url, BotJsonContext.Default.String),
    };
}

/// <summary>Where an activity belongs: enough to reply to a conversation later (spec A7550).</summary>
public sealed record ConversationReference
{
    public string? ActivityId { get; init; }
    public ChannelAccount? User { get; init; }
    public ChannelAccount? Bot { get; init; }
    public ConversationAccount Conversation { get; init; } = new();
    public string ChannelId { get; init; } = "";
    public string? ServiceUrl { get; init; }
    public string? Locale { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Properties { get; set; }
}

/// <summary>The body of a reply to a <c>deliveryMode: "expectReplies"</c> request.</summary>
public sealed record ExpectedReplies(IReadOnlyList<Activity> Activities);

/// <summary>What a channel answers when an activity was sent: the id it assigned.</summary>
public sealed record ResourceResponse(string? Id);

/// <summary>The HTTP answer to an <c>invoke</c> activity (status code and body).</summary>
public sealed record InvokeResponse(int Status, JsonElement? Body = null);

/// <summary>A page of a Direct Line conversation: activities and the watermark after them.</summary>
public sealed record ActivitySet(IReadOnlyList<Activity> Activities, string? Watermark);
