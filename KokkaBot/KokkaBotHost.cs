using KokkaBot.Bot;
using KokkaBot.Channels.Connector;
using KokkaBot.Channels.DirectLine;
using KokkaBot.Conversation;
using KokkaBot.Knowledge;
using KokkaBot.Storage;
using KokkaBot.WebChat;

namespace KokkaBot;

/// <summary>
/// The table of contents of the product: every capability registers its services and maps its
/// endpoints here, in one place. Program.cs and the integration tests both start the app through it.
/// </summary>
public static class KokkaBotHost
{
    public static WebApplicationBuilder AddKokkaBot(this WebApplicationBuilder builder)
    {
        // A fault of ours still answers with a problem body, never an empty page.
        builder.Services.AddProblemDetails();
        builder.Services
            .AddKokkaStorage(builder.Configuration, builder.Environment)
            .AddBotRuntime()
            .AddKnowledgeBase()
            .AddKokkaConversation()
            .AddBotConnector(builder.Configuration)
            .AddDirectLine(builder.Configuration)
            .AddWebChat(builder.Configuration)
            .AddKokkaHealth();
        return builder;
    }

    public static WebApplication MapKokkaBot(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseWebSockets();
        app.UseCors();
        app.UseRateLimiter();
        app.UseDefaultFiles();
        app.UseStaticFiles();

        app.MapBotConnector();
        app.MapDirectLine();
        app.MapWebChat();
        app.MapKokkaHealth();
        return app;
    }
}
