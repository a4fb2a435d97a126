using KokkaBot.Bot.State;

namespace KokkaBot.Bot;

public static class BotRuntimeSetup
{
    /// <summary>The turn pipeline shared by every channel, its per-conversation locks and the bot state scopes.</summary>
    public static IServiceCollection AddBotRuntime(this IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<ConversationLocks>();
        services.AddSingleton<BotPipeline>();
        services.AddSingleton<ConversationState>();
        services.AddSingleton<UserState>();
        return services;
    }
}
