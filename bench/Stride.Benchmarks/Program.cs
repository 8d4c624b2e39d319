using BenchmarkDotNet.Running;

// Run all suites, or pick with --filter, e.g. dotnet run -c Release --project bench/Stride.Benchmarks -- --filter '*Query*'
BenchmarkSwitcher.FromAssembly(typeof(Stride.Benchmarks.Paths).Assembly).Run(args);
