using KokkaBot.Bot;
using KokkaBot.Channels.Connector;
using KokkaBot.Channels.DirectLine;
using KokkaBot.Conversation;
using KokkaBot.Escalation;
using KokkaBot.Handoff;
using KokkaBot.Knowledge;
using KokkaBot.ServicePaths;
using KokkaBot.Staff;
using KokkaBot.TextAnalysis;
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
            .AddKnowledgeBase(builder.Configuration)
            .AddTextAnalysis(builder.Configuration)
            .AddKokkaConversation()
            .AddServicePaths(builder.Configuration)
            .AddEscalation(builder.Configuration)
            .AddHandoff(builder.Configuration)
            .AddBotConnector(builder.Configuration)
            .AddDirectLine(builder.Configuration)
            .AddWebChat(builder.Configuration)
            .AddStaff(builder.Configuration)
            .AddKokkaHealth();
        builder.Services.AddOpenApi();
        // Named explicitly: when tests host the app, the entry assembly is the test runner, not KokkaBot.
        builder.Services.AddRazorPages().AddApplicationPart(typeof(KokkaBotHost).Assembly);
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
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapBotConnector();
        app.MapDirectLine();
        app.MapWebChat();
        app.MapKnowledgeApi();
        app.MapHandoff();
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapRazorPages();
        app.MapKokkaHealth();
        return app;
    }
}
