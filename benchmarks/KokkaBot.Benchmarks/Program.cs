using BenchmarkDotNet.Running;
using KokkaBot.Benchmarks;

if (args is ["search-latency", ..])
{
    SearchLatency.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 50_000,
        args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 20_000);
    return;
}
if (args is ["handoff-relay", ..])
{
    // "50" or "handoffs=50", as the usage line writes them.
    static int Arg(string[] args, int at, int fallback) =>
        args.Length > at ? int.Parse(args[at][(args[at].IndexOf('=') + 1)..], System.Globalization.CultureInfo.InvariantCulture) : fallback;
    await HandoffRelay.RunAsync(Arg(args, 1, 50), Arg(args, 2, 20), Arg(args, 3, 5), Arg(args, 4, 0));
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(TurnBenchmarks).Assembly).Run(args);
