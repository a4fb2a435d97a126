using System.Text.Json;
using KokkaBot.Bot;
using KokkaBot.Bot.Schema;
using KokkaBot.Handoff;

namespace KokkaBot.Escalation;

/// <summary>
/// The Bot Framework handoff protocol (protocols.md §6): a <c>handoff.initiate</c> event with the
/// transcript attached, for a contact-centre hub that replaces our console; and the names of the
/// <c>handoff.status</c> event the hub answers with.
/// </summary>
public sealed class HandoffInitiation(TimeProvider clock)
{
    public const string InitiateEvent = "handoff.initiate";
    public const string StatusEvent = "handoff.status";

    public Task SendAsync(TurnContext turn, HandoffRequest request, CancellationToken cancellationToken) =>
        turn.SendActivityAsync(Create(turn.Activity, request), cancellationToken);

    /// <summary>The event as the SDK's EventFactory.CreateHandoffInitiation builds it.</summary>
    public Activity Create(Activity trigger, HandoffRequest request)
    {
        var transcript = new
        {
            activities = request.Transcript.Select(line => new
            {
                type = ActivityTypes.Message,
                timestamp = line.At,
                from = new { id = line.From == TranscriptSender.User ? trigger.From?.Id : trigger.Recipient?.Id, role = line.From == TranscriptSender.User ? "user" : "bot" },
                text = line.Text,
            }),
        };
        return new Activity
        {
            Type = ActivityTypes.Event,
            Name = InitiateEvent,
            Id = Guid.NewGuid().ToString(),
            Timestamp = clock.GetUtcNow(),
            From = trigger.From,
            RelatesTo = trigger.GetConversationReference(),
            ReplyToId = trigger.Id,
            Value = JsonSerializer.SerializeToElement(new
            {
                MessageToAgent = request.Reason,
                Context = new { request.Language, request.Town, request.Role, request.Topic, request.Trigger },
            }),
            Attachments = [new Attachment { ContentType = "application/json", Name = "Transcript", Content = JsonSerializer.SerializeToElement(transcript) }],
        };
    }

    /// <summary>The state of a <c>handoff.status</c> event: accepted, failed or completed; null when it is not one.</summary>
    public static string? StatusOf(Activity activity) =>
        activity.Type == ActivityTypes.Event && activity.Name == StatusEvent
        && activity.Value is { ValueKind: JsonValueKind.Object } value
        && value.TryGetProperty("state", out var state) && state.ValueKind == JsonValueKind.String
            ? state.GetString()
            : null;
}
