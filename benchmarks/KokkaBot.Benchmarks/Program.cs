using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(KokkaBot.Benchmarks.TurnBenchmarks).Assembly).Run(args);
