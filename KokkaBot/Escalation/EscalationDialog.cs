using System.Globalization;
using KokkaBot.Bot;
using KokkaBot.Bot.Dialogs;
using KokkaBot.Bot.Dialogs.Prompts;
using KokkaBot.Bot.Schema;
using KokkaBot.Conversation;
using KokkaBot.Handoff;
using Microsoft.Extensions.Options;

namespace KokkaBot.Escalation;

/// <summary>Why the user is being connected to a person.</summary>
public static class EscalationTrigger
{
    public const string Explicit = "explicit";
    public const string Button = "button";
    public const string Unanswered = "unanswered";
    public const string Frustration = "frustration";
    public const string Sensitive = "sensitive";
}

public sealed record EscalationState
{
    public string Trigger { get; init; } = EscalationTrigger.Explicit;
    public string Topic { get; init; } = "general";

    /// <summary>The bot suggests a person (it was not asked): the user says yes first.</summary>
    public bool Offer { get; init; }

    /// <summary>Only leave a message (the user left the queue, or asked to).</summary>
    public bool MessageOnly { get; init; }

    public bool LeavingMessage { get; init; }
    public string? Reason { get; init; }
    public string? Message { get; init; }
}

/// <summary>
/// Connecting a user with an advisor: (a yes when the bot offered it,) a one-line reason, then the
/// queue with the user's place and a rough wait, and what happens next. When no advisor can answer
/// now, the user may leave a message and, with consent, a way to be contacted.
/// </summary>
public sealed class EscalationDialog(
    Profiles profiles, IHandoffService handoffs, HandoffFlagsStore flags, HandoffInitiation initiation,
    IOptions<EscalationOptions> options, TimeProvider clock)
    : WaterfallDialog<EscalationState>(DialogId)
{
    public const string DialogId = "escalation";

    protected override IEnumerable<WaterfallStep<EscalationState>> Steps =>
        [ConfirmAsync, CheckAvailabilityAsync, QueueOrAskMessageAsync, AskConsentAsync, AskContactAsync, SaveTicketAsync];

    private async Task<DialogTurnResult> ConfirmAsync(WaterfallStepContext<EscalationState> step, CancellationToken ct)
    {
        var t = step.Context.Texts();
        if (step.State.MessageOnly)
            return await step.NextAsync(true, ct);
        if (step.State.Offer)
            return await step.PromptAsync(DialogIds.Confirm, new PromptOptions { Prompt = MessageFactory.Text(t["handoff.offer"]), Locale = t.Language }, ct);
        await step.Context.SendActivityAsync(t["handoff.ok"], ct);
        return await step.NextAsync(true, ct);
    }

    private async Task<DialogTurnResult> CheckAvailabilityAsync(WaterfallStepContext<EscalationState> step, CancellationToken ct)
    {
        var t = step.Context.Texts();
        if (step.Result is false)
        {
            await step.Context.SendActivityAsync(t["handoff.declined"], ct);
            return await EndAsync(step, ct);
        }
        if (step.State.MessageOnly)
        {
            step.State = step.State with { LeavingMessage = true };
            return await step.PromptAsync(DialogIds.Text, new PromptOptions { Prompt = MessageFactory.Text(t["handoff.ticket.message"]), Locale = t.Language }, ct);
        }

        var profile = await profiles.GetAsync(step.Context, ct);
        var availability = handoffs.Availability(t.Language, profile.Town, step.State.Topic);
        if (options.Value.Mode == HandoffMode.Hub || availability.CanTakeNow)
            return await step.PromptAsync(DialogIds.Text, new PromptOptions { Prompt = MessageFactory.Text(t["handoff.reason.ask"]), Locale = t.Language }, ct);

        step.State = step.State with { LeavingMessage = true };
        var closed = availability.IsOpen ? t["handoff.busy"] : t.Format("handoff.closed", ("next", NextOpening(availability.NextOpening, t.Language)));
        await step.Context.SendActivityAsync(closed, ct);
        return await step.PromptAsync(DialogIds.Confirm, new PromptOptions { Prompt = MessageFactory.Text(t["handoff.ticket.offer"]), Locale = t.Language }, ct);
    }

    private async Task<DialogTurnResult> QueueOrAskMessageAsync(WaterfallStepContext<EscalationState> step, CancellationToken ct)
    {
        var t = step.Context.Texts();
        if (step.State.LeavingMessage)
        {
            if (step.Result is string message)
                return await step.NextAsync(message, ct);
            if (step.Result is false)
            {
                await step.Context.SendActivityAsync(t["handoff.declined"], ct);
                return await EndAsync(step, ct);
            }
            return await step.PromptAsync(DialogIds.Text, new PromptOptions { Prompt = MessageFactory.Text(t["handoff.ticket.message"]), Locale = t.Language }, ct);
        }

        var reason = (step.Result as string)?.Trim() ?? "";
        var profile = await profiles.GetAsync(step.Context, ct);
        var current = await flags.GetAsync(step.Context, ct);
        var request = new HandoffRequest(
            step.Context.Activity.GetConversationReference(), t.Language, profile.Town, profile.Role, step.State.Topic,
            reason.Length > 500 ? reason[..500] : reason, step.State.Trigger, current.Recent);

        if (options.Value.Mode == HandoffMode.Hub)
        {
            await initiation.SendAsync(step.Context, request, ct);
            await flags.SetAsync(step.Context, current with { Status = HandoffStatus.Queued, ViaHub = true, UnansweredInRow = 0 }, ct);
            await step.Context.SendActivityAsync(t["handoff.hub.queued"], ct);
            return await step.Dialogs.CancelAllDialogsAsync(ct);
        }

        var place = await handoffs.EnqueueAsync(request, ct);
        await flags.SetAsync(step.Context, current with { HandoffId = place.HandoffId, Status = HandoffStatus.Queued, ViaHub = false, UnansweredInRow = 0 }, ct);
        var minutes = Math.Max(1, (int)Math.Ceiling(place.EstimatedWait.TotalMinutes)).ToString(CultureInfo.InvariantCulture);
        await step.Context.SendActivityAsync(t.Format("handoff.queued",
            ("team", place.TeamName), ("position", place.Position.ToString(CultureInfo.InvariantCulture)), ("minutes", minutes)), ct);
        await step.Context.SendActivityAsync(t["handoff.next"], ct);
        // The advisor has the conversation now: nothing of the bot's waits for an answer.
        return await step.Dialogs.CancelAllDialogsAsync(ct);
    }

    private async Task<DialogTurnResult> AskConsentAsync(WaterfallStepContext<EscalationState> step, CancellationToken ct)
    {
        var t = step.Context.Texts();
        step.State = step.State with { Message = (step.Result as string)?.Trim() };
        return await step.PromptAsync(DialogIds.Confirm, new PromptOptions { Prompt = MessageFactory.Text(t["handoff.ticket.consent"]), Locale = t.Language }, ct);
    }

    private async Task<DialogTurnResult> AskContactAsync(WaterfallStepContext<EscalationState> step, CancellationToken ct)
    {
        var t = step.Context.Texts();
        if (step.Result is not true)
            return await step.NextAsync(null, ct);
        return await step.PromptAsync(ContactPromptId, new PromptOptions
        {
            Prompt = MessageFactory.Text(t["handoff.ticket.contact"]),
            RetryPrompt = MessageFactory.Text(t["handoff.ticket.contact.retry"]),
            Locale = t.Language,
        }, ct);
    }

    private async Task<DialogTurnResult> SaveTicketAsync(WaterfallStepContext<EscalationState> step, CancellationToken ct)
    {
        var t = step.Context.Texts();
        var profile = await profiles.GetAsync(step.Context, ct);
        var message = step.State.Message ?? "";
        var id = await handoffs.CreateTicketAsync(new TicketRequest(
            step.Context.Activity.GetConversationReference(), t.Language, profile.Town, step.State.Topic,
            step.State.Trigger, message.Length > 2000 ? message[..2000] : message, (step.Result as string)?.Trim()), ct);
        await step.Context.SendActivityAsync(t.Format(step.Result is string ? "handoff.ticket.saved.contact" : "handoff.ticket.saved",
            ("number", id.ToString(CultureInfo.InvariantCulture))), ct);
        return await EndAsync(step, ct);
    }

    /// <summary>Back to what was on screen; from an empty conversation, to the menu.</summary>
    private static async Task<DialogTurnResult> EndAsync(WaterfallStepContext<EscalationState> step, CancellationToken ct) =>
        step.Dialogs.Stack.Count == 1
            ? await step.ReplaceDialogAsync(DialogIds.Main, new MainState { Rounds = 1 }, ct)
            : await step.EndDialogAsync(null, ct);

    private string NextOpening(DateTimeOffset? next, string language)
    {
        if (next is not { } at)
            return "—";
        var local = TimeZoneInfo.ConvertTime(at, options.Value.TimeZone);
        var culture = CultureInfo.GetCultureInfo(language switch { "fi" => "fi-FI", "sv" => "sv-FI", "ru" => "ru-RU", "uk" => "uk-UA", "ar" => "ar-EG", _ => "en-GB" });
        var today = TimeZoneInfo.ConvertTime(clock.GetUtcNow(), options.Value.TimeZone).Date;
        return local.Date == today ? local.ToString("t", culture) : local.ToString("dddd d.M. HH:mm", culture);
    }

    public const string ContactPromptId = "escalation-contact";

    /// <summary>An email address or a phone number, roughly: enough for an advisor to reach the user.</summary>
    public static bool IsContact(string? text)
    {
        var value = text?.Trim() ?? "";
        if (value.Contains('@', StringComparison.Ordinal))
            return System.Net.Mail.MailAddress.TryCreate(value, out _);
        var digits = value.Count(char.IsAsciiDigit);
        return digits is >= 6 and <= 15 && value.All(c => char.IsAsciiDigit(c) || c is '+' or ' ' or '-' or '(' or ')');
    }
}
