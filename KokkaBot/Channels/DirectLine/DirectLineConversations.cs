using System.Globalization;
using KokkaBot.Bot.Schema;
using Microsoft.Extensions.Options;

namespace KokkaBot.Channels.DirectLine;

/// <summary>
/// The conversation side of Direct Line: creating and starting conversations (the bot hears a
/// conversationUpdate, so it can greet before the user types), and receiving what users post.
/// </summary>
public sealed partial class DirectLineConversations(DirectLineStore store, DirectLineTokens tokens, DirectLineAdapter adapter, DirectLineStreams streams, IOptions<DirectLineOptions> options, TimeProvider clock)
{
    private ChannelAccount Bot => new() { Id = options.Value.BotId, Name = options.Value.BotName, Role = RoleTypes.Bot };

    public async Task<DirectLineConversationRecord> CreateAsync(ChannelAccount? user, string? locale, CancellationToken cancellationToken) =>
        await store.CreateAsync(DirectLineStore.NewConversationId(), UserIdOrNew(user), NameOrNull(user?.Name), LocaleOrNull(locale), cancellationToken);

    /// <summary>What clients may post: messages, events, typing and the end of the conversation (the rest belongs to the channel).</summary>
    public static bool MayPost(string type) =>
        type is ActivityTypes.Message or ActivityTypes.Event or ActivityTypes.Typing or ActivityTypes.EndOfConversation or ActivityTypes.MessageReaction;

    /// <summary>A BCP-47 language tag such as "fi-FI", or nothing: what a client sends is not trusted blindly.</summary>
    public static string? LocaleOrNull(string? locale) =>
        locale is { Length: <= 35 } && LocalePattern().IsMatch(locale) ? locale : null;

    private static string? NameOrNull(string? name) =>
        string.IsNullOrWhiteSpace(name) ? null : name.Length <= 256 ? name : name[..256];

    /// <summary>
    /// With the secret: a new conversation. With a token: the token's conversation (made by
    /// tokens/generate), started now unless it was already. Returns whether this call started it.
    /// </summary>
    public async Task<(DirectLineConversationRecord Conversation, bool Started)> StartAsync(DirectLineCaller caller, TokenParameters? parameters, HttpRequest request, CancellationToken cancellationToken)
    {
        DirectLineConversationRecord conversation;
        if (caller.Grant is { } grant)
        {
            conversation = await store.FindAsync(grant.ConversationId, cancellationToken)
                ?? await store.CreateAsync(grant.ConversationId, grant.UserId, grant.UserName, LocaleOrNull(parameters?.Locale), cancellationToken);
        }
        else
        {
            conversation = await CreateAsync(parameters?.User, parameters?.Locale, cancellationToken);
        }

        var locale = LocaleOrNull(parameters?.Locale) ?? conversation.Locale;
        if (!await store.MarkStartedAsync(conversation.Id, locale, cancellationToken))
            return (conversation, false);

        var user = new ChannelAccount { Id = conversation.UserId, Name = conversation.UserName, Role = RoleTypes.User };
        await adapter.ProcessActivityAsync(new Activity
        {
            Type = ActivityTypes.ConversationUpdate,
            Id = $"{conversation.Id}|start",
            Timestamp = clock.GetUtcNow(),
            ChannelId = DirectLineAdapter.ChannelId,
            ServiceUrl = ServiceUrl(request),
            Conversation = new ConversationAccount { Id = conversation.Id },
            From = user,
            Recipient = Bot,
            MembersAdded = [Bot, user],
            Locale = locale,
        }, cancellationToken);
        return (conversation, true);
    }

    /// <summary>Logs what a user posted (the echo Web Chat waits for), then runs the bot's turn. Returns the activity's id.</summary>
    public async Task<string> ReceiveAsync(DirectLineConversationRecord conversation, Activity posted, HttpRequest request, CancellationToken cancellationToken)
    {
        var incoming = posted with
        {
            Id = null,
            ChannelId = DirectLineAdapter.ChannelId,
            ServiceUrl = ServiceUrl(request),
            Conversation = new ConversationAccount { Id = conversation.Id },
            Recipient = Bot,
            Locale = LocaleOrNull(posted.Locale) ?? conversation.Locale,
            CallerId = null,
        };

        if (incoming.Type == ActivityTypes.Typing)
        {
            // Typing is never logged: it only matters to whoever is connected right now.
            var typing = incoming with { Id = $"{conversation.Id}|typing-{Guid.NewGuid():N}", Timestamp = clock.GetUtcNow() };
            streams.Publish(conversation.Id, [new StreamItem(typing, null)]);
            await adapter.ProcessActivityAsync(typing, cancellationToken);
            return typing.Id!;
        }

        var logged = await adapter.LogIncomingAsync(incoming, cancellationToken);
        await adapter.ProcessActivityAsync(logged.Activity, cancellationToken);
        return logged.Activity.Id!;
    }

    /// <summary>The Conversation object for a client: a fresh token, and the stream to connect to.</summary>
    public DirectLineConversation Describe(DirectLineConversationRecord conversation, HttpRequest request, bool withStream, string? watermark)
    {
        var token = tokens.Issue(new DirectLineGrant(conversation.Id, conversation.UserId, conversation.UserName));
        string? streamUrl = null;
        if (withStream)
        {
            var scheme = request.IsHttps ? "wss" : "ws";
            var mark = string.IsNullOrEmpty(watermark) ? "" : $"watermark={Uri.EscapeDataString(watermark)}&";
            streamUrl = $"{scheme}://{request.Host}{request.PathBase}/v3/directline/conversations/{conversation.Id}/stream?{mark}t={token}";
        }
        return new DirectLineConversation(conversation.Id, token, tokens.ExpiresInSeconds, streamUrl);
    }

    private static string ServiceUrl(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}/v3/directline/";

    private static string UserIdOrNew(ChannelAccount? user) =>
        string.IsNullOrWhiteSpace(user?.Id)
            ? "dl_" + DirectLineStore.NewConversationId().ToLower(CultureInfo.InvariantCulture)
            : user.Id;

    [System.Text.RegularExpressions.GeneratedRegex("^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}$")]
    private static partial System.Text.RegularExpressions.Regex LocalePattern();
}
