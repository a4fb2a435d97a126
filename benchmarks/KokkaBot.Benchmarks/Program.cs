using BenchmarkDotNet.Running;
using KokkaBot.Benchmarks;

if (args is ["search-latency", ..])
{
    SearchLatency.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 50_000,
        args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 20_000);
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(TurnBenchmarks).Assembly).Run(args);
