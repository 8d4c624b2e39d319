using System.Diagnostics;

namespace Stride.LoadProbe;

/// <summary>
/// Sends <c>GET /api/ask</c> requests (or GETs of another path, for a baseline) at a fixed rate whatever the replies
/// do, so slow replies are not hidden (a closed loop such as wrk waits for each reply before the next request and so
/// under-counts the tail).
/// </summary>
internal static class OpenLoop
{
    public static async Task<Latencies> RunAsync(HttpClient http, IReadOnlyList<string> questions, double rate, double seconds, string pathPrefix = "/api/ask?q=")
    {
        var latencies = new List<double>();
        var failures = 0;
        var pending = new List<Task>();
        var clock = Stopwatch.StartNew();

        // One thread paces the requests with plain sleeps: awaiting a timer per request cost the probe about 1 ms of CPU
        // each, a third of a core at 350 requests/s, taken from the server it measures.
        var pacer = new Thread(() =>
        {
            for (var n = 0; n < rate * seconds; n++)
            {
                var due = TimeSpan.FromSeconds(n / rate);
                var wait = due - clock.Elapsed;
                if (wait > TimeSpan.Zero)
                {
                    Thread.Sleep(wait);
                }

                var question = questions[n % questions.Count];
                pending.Add(SendAsync(http, pathPrefix + Uri.EscapeDataString(question), clock, due, latencies, () => Interlocked.Increment(ref failures)));
            }
        }) { IsBackground = true, Name = "open-loop pacer" };
        pacer.Start();
        pacer.Join();

        await Task.WhenAll(pending);
        latencies.Sort();
        return new Latencies(latencies, failures);
    }

    /// <summary>
    /// One request. Its latency counts from when it was due, not from when the loop got round to sending it, so a probe
    /// that falls behind (both share the machine's cores with the server) adds to the figures instead of hiding delay.
    /// </summary>
    private static async Task SendAsync(HttpClient http, string path, Stopwatch clock, TimeSpan due, List<double> latencies, Action failed)
    {
        try
        {
            using var response = await http.GetAsync(new Uri(path, UriKind.Relative));
            await response.Content.ReadAsByteArrayAsync();
            if (!response.IsSuccessStatusCode)
            {
                failed();
            }
        }
        catch (HttpRequestException)
        {
            failed();
        }

        var latency = (clock.Elapsed - due).TotalMilliseconds;
        lock (latencies)
        {
            latencies.Add(latency);
        }
    }
}

/// <summary>Sorted request latencies in milliseconds, and how many requests failed.</summary>
internal sealed record Latencies(List<double> Sorted, int Failures)
{
    public int Count => Sorted.Count;

    /// <summary>The latency at quantile <paramref name="p"/> (0 to 1).</summary>
    public double At(double p) => Sorted[Math.Min(Sorted.Count - 1, (int)(p * Sorted.Count))];
}
