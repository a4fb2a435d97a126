using System.Text.Json.Serialization;
using KokkaBot.Bot;
using KokkaBot.Bot.State;

namespace KokkaBot.Conversation;

/// <summary>What the bot remembers about a user: saved in UserState, across conversations.</summary>
public sealed record UserProfile
{
    public string? Language { get; init; }

    /// <summary>student, graduate, jobseeker, family or employer.</summary>
    public string? Role { get; init; }

    /// <summary>A town slug (kotka, hamina, kouvola, lappeenranta, imatra) or "other".</summary>
    public string? Town { get; init; }

    public DateTimeOffset? OnboardedAt { get; init; }

    [JsonIgnore]
    public bool IsOnboarded => Role is not null && Town is not null;
}

/// <summary>What one conversation remembers besides its dialog stack.</summary>
public sealed record ConversationFlags
{
    public bool Greeted { get; init; }
}

/// <summary>Typed access to the profile and conversation flags of the current turn.</summary>
public sealed class Profiles(UserState userState, ConversationState conversationState)
{
    private readonly StatePropertyAccessor<UserProfile> _profile = userState.CreateProperty<UserProfile>("profile");
    private readonly StatePropertyAccessor<ConversationFlags> _flags = conversationState.CreateProperty<ConversationFlags>("flags");

    public Task<UserProfile> GetAsync(TurnContext turn, CancellationToken cancellationToken) =>
        _profile.GetAsync(turn, () => new UserProfile(), cancellationToken);

    public Task SetAsync(TurnContext turn, UserProfile profile, CancellationToken cancellationToken) =>
        _profile.SetAsync(turn, profile, cancellationToken);

    public Task<ConversationFlags> GetFlagsAsync(TurnContext turn, CancellationToken cancellationToken) =>
        _flags.GetAsync(turn, () => new ConversationFlags(), cancellationToken);

    public Task SetFlagsAsync(TurnContext turn, ConversationFlags flags, CancellationToken cancellationToken) =>
        _flags.SetAsync(turn, flags, cancellationToken);
}
