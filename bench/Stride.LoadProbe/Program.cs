using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Options;
using Stride.Hosting;
using Stride.LoadProbe;
using Stride.Search;

// The two measurements wrk cannot make, for bench/web-load/run.sh:
//   inprocess SECONDS QUESTIONS      AnswerEngine.Ask on every core, no HTTP: the ceiling, in questions per second
//   serial QUESTIONS                 each question once on one thread, no HTTP: the service time per question,
//                                    p50/p99/max and the slowest questions (what sets the tail at half load)
//   openloop URL RATE SECONDS QUESTIONS [PATH]
//                                    requests sent at a fixed rate whatever the replies do (so slow replies are
//                                    not hidden, unlike a closed loop); prints p50, p99 and max latency; PATH
//                                    replaces /api/ask?q= (e.g. /healthz?q= for the floor at the same rate)
var invariant = CultureInfo.InvariantCulture;
if (args is ["serial", var serialFile])
{
    var questions = Questions.Read(serialFile);
    var loader = new StrideLoader(Options.Create(new SearchOptions()));
    using var snapshot = loader.Load(new StrideOptions()).Value ?? throw new InvalidOperationException("Stride's own KB did not load");
    var engine = snapshot.Engine;
    for (var round = 0; round < 3; round++)
    {
        foreach (var q in questions)
        {
            engine.Ask(q);
        }
    }

    // Best of three per question: the service time, with scheduling noise taken out.
    var times = questions.Select(q => Enumerable.Range(0, 3).Min(_ =>
    {
        var start = Stopwatch.GetTimestamp();
        engine.Ask(q);
        return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
    })).ToArray();
    var allocated = GC.GetAllocatedBytesForCurrentThread();
    foreach (var q in questions)
    {
        engine.Ask(q);
    }

    var kilobytesPerQuestion = (GC.GetAllocatedBytesForCurrentThread() - allocated) / 1024.0 / questions.Count;
    allocated = GC.GetAllocatedBytesForCurrentThread();
    foreach (var q in questions)
    {
        engine.TriageEngine.Triage(q);
    }

    var triageKilobytes = (GC.GetAllocatedBytesForCurrentThread() - allocated) / 1024.0 / questions.Count;
    var sorted = times.Order().ToArray();
    double Pct(double p) => sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];
    Console.WriteLine(string.Create(invariant, $"serial: {questions.Count} questions, p50 {Pct(0.5):F2} ms, p90 {Pct(0.9):F2} ms, p99 {Pct(0.99):F2} ms, max {sorted[^1]:F2} ms, mean {times.Average():F2} ms, {kilobytesPerQuestion:F0} KB allocated per question ({triageKilobytes:F0} KB of it in triage)"));
    foreach (var (q, t) in questions.Zip(times).OrderByDescending(x => x.Second).Take(5))
    {
        Console.WriteLine(string.Create(invariant, $"  {t,6:F2} ms  {q.Length,4} chars  {(q.Length > 70 ? q[..70] + "..." : q)}"));
    }

    return 0;
}

if (args.Length < 3)
{
    Console.Error.WriteLine("usage: inprocess SECONDS QUESTIONS | serial QUESTIONS | openloop URL RATE SECONDS QUESTIONS [PATH]");
    return 2;
}

if (args[0] == "inprocess")
{
    var questions = Questions.Read(args[2]);
    var loader = new StrideLoader(Options.Create(new SearchOptions()));
    using var snapshot = loader.Load(new StrideOptions()).Value ?? throw new InvalidOperationException("Stride's own KB did not load");
    var engine = snapshot.Engine;
    foreach (var q in questions)
    {
        engine.Ask(q);
    }

    var seconds = double.Parse(args[1], invariant);
    var answered = 0L;
    var clock = Stopwatch.StartNew();
    Parallel.For(0, Environment.ProcessorCount, worker =>
    {
        for (var i = worker; clock.Elapsed.TotalSeconds < seconds; i += Environment.ProcessorCount)
        {
            engine.Ask(questions[i % questions.Count]);
            Interlocked.Increment(ref answered);
        }
    });
    Console.WriteLine(string.Create(invariant, $"in-process: {answered / clock.Elapsed.TotalSeconds:F0} questions/s on {Environment.ProcessorCount} cores"));
    return 0;
}

if (args[0] == "openloop" && args.Length >= 5)
{
    var questions = Questions.Read(args[4]);
    var rate = double.Parse(args[2], invariant);
    var seconds = double.Parse(args[3], invariant);
    using var http = new HttpClient { BaseAddress = new Uri(args[1]), Timeout = TimeSpan.FromSeconds(10) };

    // The probe warms up too: its own first requests (JIT of the HTTP stack, new connections) take far longer than the
    // server's reply, and in an open loop every request sent meanwhile queues behind them and counts in the tail.
    // An optional sixth argument replaces /api/ask?q= (e.g. /healthz?q= for the floor at the same rate).
    var path = args.Length >= 6 ? args[5] : "/api/ask?q=";
    await OpenLoop.RunAsync(http, questions, rate, Math.Min(5, seconds), path);
    var run = await OpenLoop.RunAsync(http, questions, rate, seconds, path);
    Console.WriteLine(string.Create(invariant, $"open loop {path.Split('?')[0]} at {rate:F0}/s for {seconds:F0} s: {run.Count} requests, {run.Failures} failed, p50 {run.At(0.50):F1} ms, p99 {run.At(0.99):F1} ms, max {run.At(1):F1} ms"));
    return run.Failures == 0 ? 0 : 1;
}

Console.Error.WriteLine($"unknown mode '{args[0]}'");
return 2;
