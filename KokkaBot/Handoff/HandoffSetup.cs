using KokkaBot.Staff;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace KokkaBot.Handoff;

public static class HandoffSetup
{
    private const string MappedKey = "KokkaBot.Handoff.Mapped";

    /// <summary>The advisors' queue: teams and hours (Handoff section), the queue's storage, the advisor hub, the no-answer timer.</summary>
    public static IServiceCollection AddHandoff(this IServiceCollection services, IConfiguration configuration)
    {
        if (services.Any(s => s.ServiceType == typeof(IHandoffService)))
            return services;
        services.AddOptions<HandoffOptions>()
            .Bind(configuration.GetSection(HandoffOptions.Section), binder => binder.ErrorOnUnknownConfiguration = true)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<HandoffOptions>, HandoffOptionsValidator>();

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new HandoffClock(sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<TeamDirectory>();
        services.AddSingleton<HandoffStore>();
        services.AddSingleton<AdvisorPresence>();
        services.AddSingleton<AdvisorConsoles>();
        services.AddSingleton<HandoffDelivery>();
        services.AddSingleton<UserNotifications>();
        services.AddSingleton<HandoffService>();
        services.AddSingleton<IHandoffService>(sp => sp.GetRequiredService<HandoffService>());
        services.AddSingleton<AdvisorDesk>();
        services.AddSingleton<NoAnswerMonitor>();
        services.AddHostedService(sp => sp.GetRequiredService<NoAnswerMonitor>());
        // An advisor with several chats sends to them at once: a Send waits for delivery to the student's
        // channel, and one call at a time per connection queued every reply behind the others.
        services.AddSignalR(hub => hub.MaximumParallelInvocationsPerClient = 4);
        return services;
    }

    /// <summary>The advisor hub at /hubs/advisor, for advisors and admins signed in with the staff cookie.</summary>
    public static WebApplication MapHandoff(this WebApplication app)
    {
        var builder = (IApplicationBuilder)app;
        if (builder.Properties.ContainsKey(MappedKey))
            return app;
        builder.Properties[MappedKey] = true;
        app.MapHub<AdvisorHub>(AdvisorHub.Path).RequireAuthorization(StaffPolicies.Advise);
        return app;
    }
}
