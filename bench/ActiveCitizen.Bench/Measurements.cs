using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace ActiveCitizen.Bench;

/// <summary>Percentiles of single calls: what every benchmark prints and records under bench/results/.</summary>
public sealed class Measurements(int iterations, int warmUp = 30)
{
    private readonly List<object> results = [];

    public int Iterations => iterations;

    public static void PrintMachine() =>
        Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}");

    public static void PrintHeader()
    {
        Console.WriteLine();
        Console.WriteLine($"{"scenario",-52} {"p50 ms",8} {"p95 ms",8} {"p99 ms",8} {"max ms",8}");
    }

    /// <summary>Warms the scenario up, then times <see cref="Iterations"/> calls one after another and prints their percentiles.</summary>
    public async Task<double> RunAsync(string name, Func<Task> run)
    {
        for (var warm = 0; warm < warmUp; warm++)
        {
            await run();
        }
        var timings = new double[iterations];
        for (var index = 0; index < iterations; index++)
        {
            var watch = Stopwatch.StartNew();
            await run();
            timings[index] = watch.Elapsed.TotalMilliseconds;
        }
        return Record(name, timings);
    }

    /// <summary>Records timings measured by the caller (when a call's end is observed elsewhere); returns the p95.</summary>
    public double Record(string name, double[] timings)
    {
        if (timings.Length == 0)
        {
            // Nothing was timed (no viewers of that kind, or none got there): said, and left out of the results.
            Console.WriteLine($"{name,-52} {"none",8}");
            return double.NaN;
        }
        Array.Sort(timings);
        double Percentile(double p) => timings[Math.Min(timings.Length - 1, (int)Math.Ceiling(p * timings.Length) - 1)];
        Console.WriteLine($"{name,-52} {Percentile(0.50),8:F2} {Percentile(0.95),8:F2} {Percentile(0.99),8:F2} {timings[^1],8:F2}");
        results.Add(new { scenario = name, p50 = Percentile(0.50), p95 = Percentile(0.95), p99 = Percentile(0.99), max = timings[^1] });
        return Percentile(0.95);
    }

    /// <summary>Writes the run as bench/results/{kind}-{time}.json, with whatever describes its data.</summary>
    public async Task SaveAsync(string kind, object data)
    {
        var directory = Path.Combine(Options.RepositoryRoot(), "bench", "results");
        Directory.CreateDirectory(directory);
        var file = Path.Combine(directory, $"{kind}-{DateTime.UtcNow:yyyyMMdd-HHmmss}.json");
        await File.WriteAllTextAsync(file, JsonSerializer.Serialize(new
        {
            data,
            iterations,
            machine = new { cores = Environment.ProcessorCount, os = RuntimeInformation.OSDescription, dotnet = Environment.Version.ToString() },
            results,
        }, new JsonSerializerOptions { WriteIndented = true }));
        Console.WriteLine();
        Console.WriteLine($"Written to {file}");
    }
}
