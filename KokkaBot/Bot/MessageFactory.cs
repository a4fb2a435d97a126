using KokkaBot.Bot.Schema;

namespace KokkaBot.Bot;

/// <summary>Builds outgoing message activities, as Bot Builder's MessageFactory does.</summary>
public static class MessageFactory
{
    public static Activity Text(string text, string? inputHint = InputHints.AcceptingInput) => new()
    {
        Type = ActivityTypes.Message,
        Text = text,
        InputHint = inputHint,
    };

    /// <summary>A message with quick-reply buttons; each button sends its title as the user's message.</summary>
    public static Activity SuggestedActions(string text, IEnumerable<CardAction> actions, string? inputHint = InputHints.ExpectingInput) => new()
    {
        Type = ActivityTypes.Message,
        Text = text,
        InputHint = inputHint,
        SuggestedActions = new SuggestedActions { Actions = actions.ToArray() },
    };

    public static Activity Attachment(Attachment attachment, string? text = null) => new()
    {
        Type = ActivityTypes.Message,
        Text = text,
        InputHint = InputHints.AcceptingInput,
        Attachments = [attachment],
    };

    /// <summary>Several cards side by side, scrolled horizontally (<c>attachmentLayout: "carousel"</c>).</summary>
    public static Activity Carousel(IEnumerable<Attachment> attachments, string? text = null) => new()
    {
        Type = ActivityTypes.Message,
        Text = text,
        InputHint = InputHints.AcceptingInput,
        AttachmentLayout = "carousel",
        Attachments = attachments.ToArray(),
    };

    public static Activity Typing() => new() { Type = ActivityTypes.Typing };
}
