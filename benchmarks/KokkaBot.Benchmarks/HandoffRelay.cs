using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using KokkaBot.Conversation.Texts;
using KokkaBot.Handoff;
using KokkaBot.Knowledge.Storage;
using KokkaBot.Staff;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace KokkaBot.Benchmarks;

/// <summary>
/// Relay latency of human handoff under load:
/// <c>dotnet run -c Release --project benchmarks/KokkaBot.Benchmarks -- handoff-relay [handoffs=50] [messages=20] [advisors=5] [pause=0]</c>.
/// The whole product on loopback Kestrel with a fresh SQLite file; students on Direct Line (REST + WebSocket),
/// advisors on the SignalR hub. Every handoff relays <c>messages</c> question/answer pairs in a closed loop
/// (next question when the answer is in), all handoffs at once; handoff i is advisor (i mod advisors)'s.
/// </summary>
public static class HandoffRelay
{
    private const string Secret = "bench-directline-secret-0123456789";
    private const string Password = "correct horse battery staple";
    private const int WarmUpRounds = 3;
    private static readonly TimeSpan LostAfter = TimeSpan.FromSeconds(10);
    // Onboarding 50 students at once on two cores is slow, and is not what is measured.
    private static readonly TimeSpan SetupWait = TimeSpan.FromSeconds(60);

    /// <summary>
    /// One measured round trip; the legs are null when the message was lost (and Lost says where).
    /// StudentPost and SendCall (how long the POST and the hub's Send took to return) only explain the legs.
    /// </summary>
    private sealed record Outcome(double? StudentToAdvisor, double? AdvisorToStudent, double? RoundTrip, double? StudentPost, double? SendCall, string? Lost)
    {
        public static Outcome Of(Probe p) => p.Failure is null && p.StudentHeard != 0 && p.AdvisorHeard != 0
            ? new(Ms(p.Posted, p.AdvisorHeard), Ms(p.ReplySent, p.StudentHeard), Ms(p.Posted, p.StudentHeard),
                p.PostReturned == 0 ? null : Ms(p.Posted, p.PostReturned), p.SendReturned == 0 ? null : Ms(p.ReplySent, p.SendReturned), null)
            : new(null, null, null, null, null, p.Failure ?? "no answer");

        private static double Ms(long from, long to) => Stopwatch.GetElapsedTime(from, to).TotalMilliseconds;
    }

    public static async Task RunAsync(int handoffs, int messages, int advisors, int pauseMs = 0)
    {
#if DEBUG
        Console.WriteLine("warning: a Debug build; run with -c Release for numbers worth keeping");
#endif
        var data = Path.Combine(Path.GetTempPath(), "kokkabot-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(data);
        var app = await StartAsync(data);
        try
        {
            await MeasureAsync(app, handoffs, messages, advisors, pauseMs);
        }
        finally
        {
            await app.StopAsync(CancellationToken.None);
            await app.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(data, recursive: true);
        }
    }

    private static async Task MeasureAsync(WebApplication app, int handoffs, int messages, int advisorCount, int pauseMs)
    {
        var baseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First() + "/");
        using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(30));
        var ct = cancel.Token;
        var probes = new ConcurrentDictionary<string, Probe>(StringComparer.Ordinal);
        using var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
        var setup = Stopwatch.StartNew();

        // Advisors first: a team with nobody online would offer to leave a message instead of queueing.
        advisorCount = Math.Clamp(advisorCount, 1, handoffs);
        for (var i = 0; i < advisorCount; i++)
            await CreateAdvisorAsync(app.Services, i);
        var advisors = await Task.WhenAll(Enumerable.Range(0, advisorCount)
            .Select(i => AdvisorConsole.ConnectAsync(baseAddress, Email(i), Password, probes, ct)));

        var students = await Task.WhenAll(Enumerable.Range(0, handoffs).Select(i => QueueStudentAsync(http, i, probes, ct)));
        try
        {
            // The reason names the student, so that each queue item can be matched with its conversation.
            var queue = await WaitForQueueAsync(advisors[0], handoffs, ct);
            var handoffIds = students.Select((_, i) => queue.Single(q => q.Reason == ReasonOf(i)).HandoffId).ToArray();
            var accepted = await Task.WhenAll(handoffIds.Select((id, i) => advisors[i % advisorCount].AcceptAsync(id, ct)));
            if (accepted.FirstOrDefault(a => !a.Accepted) is { } refused)
                throw new InvalidOperationException($"An advisor could not accept: {refused.Reason}");
            var joined = Like(new BotTexts().For("en")["handoff.accepted"]);
            await Task.WhenAll(students.Select(s => s.WaitForAsync(joined.IsMatch, SetupWait)));
            setup.Stop();

            await Task.WhenAll(students.Select((s, i) => RelayAsync(s, $"w{i}x", WarmUpRounds, probes, ct)));
            // This process's CPU time over the measured phase: near all cores means the relay is CPU-bound, not waiting.
            var cpuBefore = CpuTime();
            using var gate = new WriteGateSampler(app.Services.GetRequiredService<DatabaseWriteGate>());
            var measured = Stopwatch.StartNew();
            var sent = (await Task.WhenAll(students.Select((s, i) => RelayAsync(s, $"m{i}x", messages, probes, ct, pauseMs)))).SelectMany(p => p).ToList();
            measured.Stop();
            var cpu = CpuTime() - cpuBefore;
            var gateHeld = gate.Stop();
            // Read the probes once every Send has returned too: it often returns after the student has the answer.
            await Task.WhenAny(Task.WhenAll(sent.Select(p => p.Answered)), Task.Delay(LostAfter, ct));
            var outcomes = sent.Select(Outcome.Of).ToList();
            Report(handoffs, advisorCount, messages, setup.Elapsed, measured.Elapsed, cpu, gateHeld, outcomes);
        }
        finally
        {
            foreach (var student in students)
                await student.DisposeAsync();
            foreach (var advisor in advisors)
                await advisor.DisposeAsync();
        }
    }

    /// <summary>The product as Program.cs starts it, on a free loopback port, with its own data folder and always-open teams.</summary>
    private static async Task<WebApplication> StartAsync(string data)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = KokkaProject(), EnvironmentName = "Production" });
        var settings = new Dictionary<string, string?>
        {
            ["Urls"] = "http://127.0.0.1:0",
            ["ConnectionStrings:Kokka"] = $"Data Source={Path.Combine(data, "kokkabot.db")}",
            ["Storage:DataDirectory"] = data,
            ["DirectLine:Secret"] = Secret,
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:KokkaBot.Channels.Connector.ConnectorModeAnnouncer"] = "Error",
            ["Logging:LogLevel:KokkaBot.Staff.StaffInitializer"] = "Error",
            // Would fetch every knowledge link from the internet while we measure.
            ["Knowledge:LinkCheck:Enabled"] = "false",
            // The benchmark must queue at any hour of any day, holidays included.
            ["Handoff:ClosedOnPublicHolidays"] = "false",
        };
        var teams = builder.Configuration.GetSection("Handoff:Teams").GetChildren().Count();
        for (var team = 0; team < teams; team++)
        {
            foreach (var day in Enum.GetNames<DayOfWeek>())
                settings[$"Handoff:Teams:{team}:Hours:{day}"] = "00:00-23:59"; // the latest a period can end
        }
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddKokkaBot();
        var app = builder.Build();
        app.MapKokkaBot();
        await app.StartAsync();
        return app;
    }

    private static async Task CreateAdvisorAsync(IServiceProvider services, int index)
    {
        using var scope = services.CreateScope();
        var result = await scope.ServiceProvider.GetRequiredService<StaffAccounts>().CreateAsync(Email(index), $"Advisor {index}", Password, StaffRoles.Advisor, null);
        if (!result.Succeeded)
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
    }

    /// <summary>Onboarding as a student in Kotka, "talk to a person", a one-line reason, until the bot says the place in the queue.</summary>
    private static async Task<Student> QueueStudentAsync(HttpClient http, int index, ConcurrentDictionary<string, Probe> probes, CancellationToken ct)
    {
        var t = new BotTexts().For("en");
        var student = await Student.StartAsync(http, Secret, probes, ct);
        (string Expect, string Say)[] script =
        [
            (t["role.prompt"], t["role.student"]),
            (t["town.prompt"], "Kotka"),
            (t["menu.prompt"], "talk to a person"),
            (t["handoff.reason.ask"], ReasonOf(index)),
        ];
        foreach (var (expect, say) in script)
        {
            var prompt = Like(expect);
            await student.WaitForAsync(prompt.IsMatch, SetupWait);
            await student.SayAsync(say, ct);
        }
        await student.WaitForAsync(Like(t["handoff.queued"]).IsMatch, SetupWait);
        return student;
    }

    private static async Task<IReadOnlyList<QueueItem>> WaitForQueueAsync(AdvisorConsole advisor, int count, CancellationToken ct)
    {
        var until = Stopwatch.StartNew();
        while (true)
        {
            var queue = await advisor.QueueAsync(ct);
            if (queue.Count >= count)
                return queue;
            if (until.Elapsed > SetupWait)
                throw new TimeoutException($"Only {queue.Count} of {count} handoffs reached the queue.");
            await Task.Delay(100, ct);
        }
    }

    /// <summary>One handoff's rounds, one after the other: a question with a fresh token, then wait for the advisor's answer.</summary>
    /// With <paramref name="pauseMs"/>, a student thinks that long between an answer and the next question
    /// (starts spread over one pause), as people chat; without it the loop is closed and measures saturation.
    private static async Task<List<Probe>> RelayAsync(Student student, string prefix, int rounds, ConcurrentDictionary<string, Probe> probes, CancellationToken ct, int pauseMs = 0)
    {
        var sent = new List<Probe>(rounds);
        if (pauseMs > 0)
            await Task.Delay(Random.Shared.Next(pauseMs), ct);
        for (var round = 0; round < rounds; round++)
        {
            if (pauseMs > 0 && round > 0)
                await Task.Delay(pauseMs, ct);
            var probe = new Probe(prefix + round.ToString(CultureInfo.InvariantCulture));
            probes[probe.Token] = probe;
            probe.Posted = Stopwatch.GetTimestamp();
            try
            {
                await student.SayAsync($"Question {probe.Token}", ct);
                probe.PostReturned = Stopwatch.GetTimestamp();
                await probe.Returned.WaitAsync(LostAfter, ct);
            }
            catch (TimeoutException)
            {
                probe.Fail(probe.AdvisorHeard == 0 ? "student→advisor timed out" : "advisor→student timed out");
            }
            catch (HttpRequestException e)
            {
                probe.Fail($"post failed: {e.Message}");
            }
            probes.TryRemove(probe.Token, out _);
            sent.Add(probe);
        }
        return sent;
    }

    private static void Report(int handoffs, int advisors, int messages, TimeSpan setup, TimeSpan measured, TimeSpan cpu, double? gateHeld, List<Outcome> outcomes)
    {
        var done = outcomes.Where(o => o.Lost is null).ToList();
        Console.WriteLine($"machine: {Machine()}");
        Console.WriteLine($"handoffs {handoffs} (advisors {advisors}, each on its own hub connection), messages {messages} per handoff after {WarmUpRounds} warm-up; setup {setup.TotalSeconds:F1} s");
        Console.WriteLine($"{done.Count} round trips in {measured.TotalSeconds:F2} s: {done.Count / measured.TotalSeconds:F1} round trips/s = {2 * done.Count / measured.TotalSeconds:F1} relayed messages/s");
        Console.WriteLine($"CPU of this process meanwhile: {cpu / measured:F2} of {Environment.ProcessorCount} cores, {cpu.TotalMilliseconds / Math.Max(1, done.Count):F1} ms per round trip; load average {LoadAverage()}");
        Console.WriteLine($"SQLite write gate (one writer for the whole host) held {(gateHeld is { } held ? held.ToString("P0", CultureInfo.InvariantCulture) : "n/a")} of the time");
        Console.WriteLine($"{"ms",-18}{"p50",9}{"p90",9}{"p99",9}{"max",9}");
        Row("student→advisor", done.Select(o => o.StudentToAdvisor!.Value));
        Row("advisor→student", done.Select(o => o.AdvisorToStudent!.Value));
        Row("round trip", done.Select(o => o.RoundTrip!.Value));
        Console.WriteLine("where it goes:");
        Row("  student POST", done.Where(o => o.StudentPost is not null).Select(o => o.StudentPost!.Value));
        Row("  advisor Send", done.Where(o => o.SendCall is not null).Select(o => o.SendCall!.Value));
        var lost = outcomes.Where(o => o.Lost is not null).GroupBy(o => o.Lost).Select(g => $"{g.Count()} {g.Key}").ToList();
        Console.WriteLine($"lost: {(lost.Count == 0 ? "0" : string.Join("; ", lost))} (of {outcomes.Count}, lost after {LostAfter.TotalSeconds:F0} s)");
    }

    private static void Row(string name, IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            Console.WriteLine($"{name,-18}{"—",9}");
            return;
        }
        double P(double q) => sorted[Math.Min(sorted.Length - 1, (int)(q * sorted.Length))];
        Console.WriteLine($"{name,-18}{P(0.50),9:F1}{P(0.90),9:F1}{P(0.99),9:F1}{sorted[^1],9:F1}");
    }

    private static string Machine()
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        return $"{cpu ?? RuntimeInformation.ProcessArchitecture.ToString()}, {Environment.ProcessorCount} logical CPUs, {RuntimeInformation.OSDescription}, "
            + $"{RuntimeInformation.FrameworkDescription}, {(GCSettings.IsServerGC ? "server" : "workstation")} GC; clients and server in one process";
    }

    private static TimeSpan CpuTime()
    {
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime;
    }

    /// <summary>Whether something else was running: this benchmark shares the machine with builds and tests.</summary>
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    /// <summary>A bot text as a pattern: its {placeholders} match anything, and it may be part of a longer message.</summary>
    private static Regex Like(string template) =>
        new(Regex.Replace(Regex.Escape(template), @"\\\{\w+}", ".*"), RegexOptions.Singleline | RegexOptions.CultureInvariant);

    private static string Email(int index) => $"advisor{index}@bench.example";

    private static string ReasonOf(int index) => $"Benchmark student {index} needs help with a lease";

    private static string KokkaProject()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "KokkaBot.sln")))
                return Path.Combine(directory.FullName, "KokkaBot");
        }
        throw new InvalidOperationException("KokkaBot.sln not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>
/// How much of the time the host's <see cref="DatabaseWriteGate"/> (one SQLite writer at a time, for every
/// conversation) is held, sampled about every millisecond. Diagnostic only: it reads the gate's private
/// semaphore by reflection, and says n/a if that field is renamed.
/// </summary>
public sealed class WriteGateSampler : IDisposable
{
    private readonly SemaphoreSlim? _gate;
    private readonly Thread _thread;
    private volatile bool _stop;
    private long _samples;
    private long _held;

    public WriteGateSampler(DatabaseWriteGate gate)
    {
        _gate = typeof(DatabaseWriteGate).GetField("_gate", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)?.GetValue(gate) as SemaphoreSlim;
        // A thread of its own that sleeps between samples: a timer on the thread pool would be late exactly when the pool is busy.
        _thread = new Thread(Sample) { IsBackground = true, Name = "write gate sampler" };
        _thread.Start();
    }

    /// <summary>Stops sampling; the share of samples that found the gate held, or null when it could not be read.</summary>
    public double? Stop()
    {
        _stop = true;
        _thread.Join();
        return _gate is null || _samples == 0 ? null : (double)_held / _samples;
    }

    private void Sample()
    {
        while (!_stop && _gate is not null)
        {
            _samples++;
            if (_gate.CurrentCount == 0)
                _held++;
            Thread.Sleep(1);
        }
    }

    public void Dispose()
    {
        if (!_stop)
            Stop();
    }
}
