using KokkaBot.Bot.Dialogs;
using KokkaBot.Bot.Dialogs.Prompts;
using KokkaBot.Handoff;

namespace KokkaBot.Escalation;

public static class EscalationSetup
{
    /// <summary>The bot's side of human handoff: when to offer a person, the request, silence while an advisor talks, the rating after.</summary>
    public static IServiceCollection AddEscalation(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<EscalationOptions>().Bind(configuration.GetSection(EscalationOptions.Section)).ValidateDataAnnotations()
            .Validate(o => { try { _ = o.TimeZone; return true; } catch (TimeZoneNotFoundException) { return false; } }, "Escalation:TimeZoneId is not a known time zone.")
            .ValidateOnStart();
        services.AddSingleton<HandoffFlagsStore>();
        services.AddSingleton<UnansweredCounter>();
        services.AddSingleton<HandoffInitiation>();
        services.AddSingleton<HubHandoffStatus>();
        services.AddSingleton<EscalationInterruptions>();
        services.AddSingleton<IHandoffNotifications, HandoffNotifications>();
        services.AddSingleton<Dialog, EscalationDialog>();
        services.AddSingleton<Dialog, RatingDialog>();
        services.AddSingleton<Dialog>(new TextPrompt(EscalationDialog.ContactPromptId,
            (prompt, _) => Task.FromResult(prompt.Recognized.Succeeded && EscalationDialog.IsContact(prompt.Recognized.Value))));
        return services;
    }
}
