using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Stride.Hosting;
using Stride.Search;

namespace Stride.Tests.Hosting;

/// <summary>The one registration every host uses: options, loading, the index holder and reloads.</summary>
public sealed class HostingTests : IDisposable
{
    private const string Question = "Why does my lower back hurt when I walk?";
    private readonly string _temp = Directory.CreateTempSubdirectory("stride-hosting-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    private static (ServiceProvider Services, IConfigurationRoot Configuration) Start(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return (new ServiceCollection().AddStride(configuration).BuildServiceProvider(), configuration);
    }

    [Fact]
    public async Task AddStride_loads_Strides_own_KB_and_answers_through_a_lease()
    {
        var (services, _) = Start([]);
        using var owned = services;
        Assert.Empty(await services.GetRequiredService<EngineRefresher>().RefreshAsync(cancellationToken: TestContext.Current.CancellationToken));

        var holder = services.GetRequiredService<IndexHolder>();
        using var lease = holder.Acquire();
        var page = lease.Engine.Ask(Question);
        Assert.False(page.NoGoodAnswer);
        Assert.NotEmpty(page.Answers[0].Entry.Sources);
        Assert.Equal("Stride's own KB", holder.Describe()!.Value.Source);
    }

    [Fact]
    public void Options_that_cannot_work_together_are_refused_with_the_setting_named()
    {
        var (services, _) = Start(new() { ["Stride:IndexDirectory"] = "/tmp/some-index", ["Stride:KbPaths:0"] = "kb" });
        using var owned = services;
        var ex = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<StrideOptions>>().Value);
        Assert.Contains("IndexDirectory", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Search_options_out_of_range_are_refused()
    {
        var (services, _) = Start(new() { ["Stride:Search:NoAnswerThreshold"] = "7" });
        using var owned = services;
        Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<SearchOptions>>().Value);
    }

    [Fact]
    public async Task A_failed_reload_keeps_the_previous_knowledge_serving_and_says_why()
    {
        var (services, configuration) = Start([]);
        using var owned = services;
        var refresher = services.GetRequiredService<EngineRefresher>();
        Assert.Empty(await refresher.RefreshAsync(cancellationToken: TestContext.Current.CancellationToken));

        var broken = Path.Combine(_temp, "broken.yaml");
        await File.WriteAllTextAsync(broken, "entries:\n  - id: x\n    question: [unclosed\n", TestContext.Current.CancellationToken);
        configuration["Stride:KbPaths:0"] = broken;
        configuration.Reload();

        var errors = await refresher.RefreshAsync(cancellationToken: TestContext.Current.CancellationToken);
        Assert.Contains(errors, e => e.Contains("broken.yaml", StringComparison.Ordinal));

        var holder = services.GetRequiredService<IndexHolder>();
        Assert.Contains("broken.yaml", holder.LastError, StringComparison.Ordinal);
        using var lease = holder.Acquire();
        Assert.False(lease.Engine.Ask(Question).NoGoodAnswer);
        Assert.True(File.Exists(broken), "a failed reload must not touch the file it could not read");
    }

    [Fact]
    public void Semantic_search_is_on_by_default_for_a_small_knowledge_base_and_off_when_turned_off_or_for_a_large_one()
    {
        using var byDefault = new StrideLoader(Options.Create(new SearchOptions())).Load(new StrideOptions()).Value!;
        using var off = new StrideLoader(Options.Create(new SearchOptions { Semantic = false })).Load(new StrideOptions()).Value!;
        // The own KB counted as large: the same default then leaves it lexical, unless semantic search is asked for.
        using var large = new StrideLoader(Options.Create(new SearchOptions { SemanticLargeCollectionEntries = 100 })).Load(new StrideOptions()).Value!;
        using var asked = new StrideLoader(Options.Create(new SearchOptions { Semantic = true, SemanticLargeCollectionEntries = 100 })).Load(new StrideOptions()).Value!;

        Assert.True(byDefault.Engine.IsSemantic);
        Assert.False(off.Engine.IsSemantic);
        Assert.False(large.Engine.IsSemantic);
        Assert.True(asked.Engine.IsSemantic);
    }

    [Theory]
    [InlineData(null, 5_000, true)]
    [InlineData(null, 5_001, false)]
    [InlineData(true, 47_000, true)]
    [InlineData(false, 60, false)]
    public void An_explicit_semantic_setting_wins_and_unset_depends_on_the_collections_size(bool? semantic, int entries, bool on)
    {
        Assert.Equal(on, new SearchOptions { Semantic = semantic }.SemanticFor(entries));
    }

    [Fact]
    public void A_lease_keeps_its_snapshot_open_after_a_swap_until_it_ends()
    {
        var loader = new StrideLoader(Options.Create(new SearchOptions()));
        using var holder = new IndexHolder(NullLogger<IndexHolder>.Instance);
        var first = loader.Load(new StrideOptions()).Value!;
        holder.Swap(first);

        var lease = holder.Acquire();
        holder.Swap(loader.Load(new StrideOptions()).Value!);
        Assert.False(first.IsDisposed);
        Assert.False(lease.Engine.Ask(Question).NoGoodAnswer);

        lease.Dispose();
        Assert.True(first.IsDisposed);
        using var next = holder.Acquire();
        Assert.NotSame(first, next.Snapshot);
    }

    [Fact]
    public async Task Questions_asked_in_parallel_during_swaps_all_get_complete_answers()
    {
        var loader = new StrideLoader(Options.Create(new SearchOptions()));
        using var holder = new IndexHolder(NullLogger<IndexHolder>.Instance);
        var snapshots = Enumerable.Range(0, 4).Select(_ => loader.Load(new StrideOptions()).Value!).ToList();
        holder.Swap(snapshots[0]);
        string[] questions = [Question, "pins and needles in my leg after walking", "which stretch helps a tight hip flexor?"];

        var failures = 0;
        var answered = 0;
        using var stop = new CancellationTokenSource();
        var readers = Enumerable.Range(0, 6).Select(r => Task.Run(() =>
        {
            var i = r;
            while (!stop.IsCancellationRequested)
            {
                using var lease = holder.Acquire();
                Assert.False(lease.Snapshot.IsDisposed);
                var page = lease.Engine.Ask(questions[i++ % questions.Length]);
                if (page.NoGoodAnswer || page.Answers.Any(a => a.Entry.Answer.Length == 0))
                {
                    Interlocked.Increment(ref failures);
                }

                Interlocked.Increment(ref answered);
            }
        }, TestContext.Current.CancellationToken)).ToList();

        foreach (var next in snapshots.Skip(1))
        {
            await Task.Delay(50, TestContext.Current.CancellationToken);
            holder.Swap(next);
        }

        await Task.Delay(50, TestContext.Current.CancellationToken);
        await stop.CancelAsync();
        await Task.WhenAll(readers);

        Assert.Equal(0, failures);
        Assert.True(answered > snapshots.Count, $"only {answered} questions answered");
        Assert.All(snapshots.SkipLast(1), s => Assert.True(s.IsDisposed, "a replaced snapshot is closed once its readers are done"));
        Assert.False(snapshots[^1].IsDisposed);
    }
}
