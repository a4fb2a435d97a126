using KokkaBot.Bot.Dialogs;

namespace KokkaBot.ServicePaths;

public sealed class ServicePathOptions
{
    public const string Section = "ServicePaths";

    /// <summary>The folder of the path files, relative to the application (the build copies <c>dialogs/</c> there).</summary>
    public string Directory { get; set; } = "dialogs";
}

public static class ServicePathsSetup
{
    /// <summary>
    /// The guided service paths of <c>dialogs/*.yaml</c>, each a waterfall dialog. The files are read
    /// here, while the app is being built: a broken file stops the start with its name, line and reason.
    /// </summary>
    public static IServiceCollection AddServicePaths(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(ServicePathOptions.Section).Get<ServicePathOptions>() ?? new ServicePathOptions();
        var directory = Path.GetFullPath(options.Directory, AppContext.BaseDirectory);
        if (!System.IO.Directory.Exists(directory))
            throw new InvalidOperationException($"ServicePaths:Directory: the folder of service paths '{directory}' does not exist.");

        var texts = PathTexts.FromDirectory(Path.Combine(directory, "texts"));
        var paths = ServicePathLoader.ForDirectory(directory, texts).LoadDirectory(directory);
        services.AddSingleton(new ServicePathCatalog(paths, texts));
        services.AddSingleton<PathProgressStore>();
        services.AddSingleton<PathEntries>();
        services.AddSingleton<PathSteps>();
        services.AddSingleton<Dialog, ChecklistDialog>();
        foreach (var path in paths)
            services.AddSingleton<Dialog>(sp => new ServicePathDialog(path, sp.GetRequiredService<PathSteps>()));
        return services;
    }
}
