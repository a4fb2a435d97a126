using KokkaBot.Knowledge.Content;
using KokkaBot.Knowledge.Search;
using KokkaBot.Staff;

namespace KokkaBot;

/// <summary>
/// Administrative commands on the same configuration as the server, without starting the web
/// server: <c>dotnet run --project KokkaBot -- &lt;command&gt;</c>.
/// </summary>
public static class KokkaCommands
{
    private const string Usage = """
        Commands:
          create-staff --email <address> --role Admin|Coordinator|Advisor [--name "<name>"] [--towns kotka,hamina]
                       The password is read from KOKKA_STAFF_PASSWORD, or asked for.
          evaluate-search [--misses]
                       Runs the labelled questions (KokkaBot.Knowledge/Evaluation) through the search and
                       prints top-1 and top-3 accuracy per language.
        """;

    public static bool IsCommand(string[] args) => args.Length > 0 && !args[0].StartsWith('-');

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        var ours = app.Services.GetServices<IHostedService>().Where(s => s.GetType().Assembly == typeof(KokkaCommands).Assembly).ToList();
        try
        {
            switch (args[0])
            {
                case "create-staff":
                    await StartAsync(ours);
                    return await CreateStaffAsync(app.Services, args);
                case "evaluate-search":
                    await StartAsync(ours);
                    return EvaluateSearch(app.Services, args.Contains("--misses"));
                default:
                    await Console.Error.WriteLineAsync($"Unknown command '{args[0]}'.\n{Usage}");
                    return 2;
            }
        }
        finally
        {
            foreach (var service in ours)
                await service.StopAsync(CancellationToken.None);
        }
    }

    private static async Task StartAsync(IEnumerable<IHostedService> services)
    {
        foreach (var service in services.Where(s => s is not BackgroundService))
            await service.StartAsync(CancellationToken.None);
    }

    private static async Task<int> CreateStaffAsync(IServiceProvider services, string[] args)
    {
        var email = Option(args, "--email");
        var role = Option(args, "--role");
        if (email is null || role is null)
        {
            await Console.Error.WriteLineAsync(Usage);
            return 2;
        }
        var password = Environment.GetEnvironmentVariable("KOKKA_STAFF_PASSWORD") ?? ReadPassword($"Password for {email} (12 characters or more): ");
        var towns = Option(args, "--towns")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        using var scope = services.CreateScope();
        var result = await scope.ServiceProvider.GetRequiredService<StaffAccounts>().CreateAsync(email, Option(args, "--name") ?? email, password, role, towns);
        if (!result.Succeeded)
        {
            await Console.Error.WriteLineAsync("The account was not created: " + string.Join(" ", result.Errors.Select(e => e.Description)));
            return 1;
        }
        Console.WriteLine($"Created {role} {email}{(towns is { Length: > 0 } ? $" for {string.Join(", ", towns)}" : "")}. Sign in at /staff/signin.");
        return 0;
    }

    private static int EvaluateSearch(IServiceProvider services, bool misses)
    {
        var index = services.GetRequiredService<KnowledgeIndex>();
        var report = SearchEvaluation.Run(index, KnowledgeContent.LoadEvaluation());
        Console.WriteLine(report.Format());
        if (misses)
        {
            foreach (var miss in report.Misses)
                Console.WriteLine($"miss [{miss.Question.Language}] \"{miss.Question.Question}\" → expected {miss.Question.Expect ?? "no answer"}, got {(miss.Got.Count == 0 ? "nothing" : string.Join(", ", miss.Got))} ({miss.Verdict})");
        }
        return 0;
    }

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    private static string ReadPassword(string prompt)
    {
        Console.Write(prompt);
        if (Console.IsInputRedirected)
            return Console.ReadLine() ?? "";
        var password = new System.Text.StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
                break;
            if (key.Key == ConsoleKey.Backspace && password.Length > 0)
                password.Length--;
            else if (!char.IsControl(key.KeyChar))
                password.Append(key.KeyChar);
        }
        Console.WriteLine();
        return password.ToString();
    }
}
