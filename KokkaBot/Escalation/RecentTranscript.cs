using KokkaBot.Bot;
using KokkaBot.Bot.Schema;
using KokkaBot.Handoff;
using IMiddleware = KokkaBot.Bot.IMiddleware;

namespace KokkaBot.Escalation;

/// <summary>
/// Keeps the last lines of each conversation (what the user typed, what the bot said) in
/// conversation state, so that an advisor who takes over sees how the conversation got there.
/// </summary>
public sealed class RecentTranscript(HandoffFlagsStore flags, TimeProvider clock) : IMiddleware
{
    private const int MaxLines = 12;
    private const int MaxLength = 300;

    public async Task OnTurnAsync(TurnContext turn, Func<CancellationToken, Task> next, CancellationToken cancellationToken)
    {
        var lines = new List<TranscriptLine>();
        if (turn.Activity.IsMessage && DescribeIncoming(turn.Activity) is { } said)
            lines.Add(new TranscriptLine(TranscriptSender.User, said, clock.GetUtcNow()));
        turn.OnSendActivities(async (_, activities, send) =>
        {
            lines.AddRange(activities.Where(a => a.Type == ActivityTypes.Message).Select(Describe).OfType<string>()
                .Select(text => new TranscriptLine(TranscriptSender.Bot, text, clock.GetUtcNow())));
            return await send();
        });

        await next(cancellationToken);

        if (lines.Count == 0)
            return;
        var current = await flags.GetAsync(turn, cancellationToken);
        if (current.IsHandedOff)
            return; // The handoff keeps its own transcript from here on.
        await flags.SetAsync(turn, current with { Recent = [.. current.Recent.Concat(lines).TakeLast(MaxLines)] }, cancellationToken);
    }

    private static string? DescribeIncoming(Activity activity) =>
        Trim(activity.Text) ?? (activity.Value is { } value ? $"[{value.GetRawText()}]" : null);

    private static string? Describe(Activity activity)
    {
        var card = activity.Attachments is { Count: > 0 } attachments
            ? "[" + string.Join(", ", attachments.Select(a => a.Content is { } content && content.TryGetProperty("fallbackText", out var text) ? text.GetString()?.Split('\n')[0] : a.ContentType)) + "]"
            : null;
        return Trim(string.Join(" ", new[] { activity.Text, card }.Where(s => !string.IsNullOrWhiteSpace(s))));
    }

    private static string? Trim(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : text.Length <= MaxLength ? text : text[..MaxLength] + "…";
}
