using KokkaBot.Bot.Schema;
using KokkaBot.Handoff;

namespace KokkaBot.Tests.Support;

/// <summary>
/// The advisors' queue as the conversation tests see it: records what the bot asks of it. The real
/// queue, hub and delivery are tested over HTTP and SignalR in KokkaBot.Tests/Handoff.
/// </summary>
public sealed class FakeHandoffService : IHandoffService
{
    private long _nextId = 100;

    public TeamAvailability Now { get; set; } = new("kotka", "MOONA Kotka", IsOpen: true, AdvisorsOnline: true, NextOpening: null);
    public List<HandoffRequest> Requests { get; } = [];
    public List<(string ConversationId, string? Text)> Forwarded { get; } = [];
    public List<string> Cancelled { get; } = [];
    public List<TicketRequest> Tickets { get; } = [];
    public List<(long HandoffId, int Stars)> Ratings { get; } = [];
    public int Typing { get; private set; }

    public TeamAvailability Availability(string language, string? town, string topic) => Now;

    public Task<QueuePlace> EnqueueAsync(HandoffRequest request, CancellationToken cancellationToken)
    {
        lock (Requests)
            Requests.Add(request);
        return Task.FromResult(new QueuePlace(Interlocked.Increment(ref _nextId), Now.TeamId, Now.TeamName, Requests.Count, TimeSpan.FromMinutes(4)));
    }

    public Task<HandoffStatus?> StatusAsync(string conversationId, CancellationToken cancellationToken) =>
        Task.FromResult<HandoffStatus?>(Requests.Any(r => r.Reference.Conversation.Id == conversationId) ? HandoffStatus.Queued : null);

    public Task ForwardUserMessageAsync(string conversationId, Activity message, CancellationToken cancellationToken)
    {
        Forwarded.Add((conversationId, message.Text));
        return Task.CompletedTask;
    }

    public Task ForwardUserTypingAsync(string conversationId, CancellationToken cancellationToken)
    {
        Typing++;
        return Task.CompletedTask;
    }

    public Task CancelAsync(string conversationId, CancellationToken cancellationToken)
    {
        Cancelled.Add(conversationId);
        return Task.CompletedTask;
    }

    public Task<long> CreateTicketAsync(TicketRequest ticket, CancellationToken cancellationToken)
    {
        Tickets.Add(ticket);
        return Task.FromResult((long)Tickets.Count);
    }

    public Task RateAsync(long handoffId, int stars, CancellationToken cancellationToken)
    {
        Ratings.Add((handoffId, stars));
        return Task.CompletedTask;
    }
}
