using Stride.Search;
using Stride.Search.Pipeline;

namespace Stride.Tests.Search.Pipeline;

public sealed class RankingRuleTests
{
    private static readonly SearchIndex Pages = PipelineIndexes.Pages;

    [Fact]
    public void Catch_all_section_follows_its_page_s_other_sections()
    {
        var hits = PipelineIndexes.Hits(Pages, "am-1", "pr-1", "rk-1", "pr-2");

        new CatchAllSectionsLast(["other information"]).Apply(hits, PipelineIndexes.Wanting([]));

        Assert.Equal(["am-1", "pr-2", "rk-1", "pr-1"], hits.Ids());
    }

    [Fact]
    public void Catch_all_section_keeps_its_place_when_asked_for()
    {
        var hits = PipelineIndexes.Hits(Pages, "pr-1", "pr-2");

        new CatchAllSectionsLast(["other information"]).Apply(hits, PipelineIndexes.Wanting(["other information"]));

        Assert.Equal(["pr-1", "pr-2"], hits.Ids());
    }

    [Fact]
    public void Wanted_section_takes_the_best_place_its_condition_holds()
    {
        var hits = PipelineIndexes.Hits(Pages, "rk-1", "am-1", "rk-2");

        new WantedTypeFirstWithinFocus().Apply(hits, PipelineIndexes.Wanting(["treatment"]));

        Assert.Equal(["rk-2", "am-1", "rk-1"], hits.Ids());
    }

    [Fact]
    public void No_kind_of_answer_wanted_leaves_the_order_alone()
    {
        var hits = PipelineIndexes.Hits(Pages, "rk-1", "am-1", "rk-2");

        new WantedTypeFirstWithinFocus().Apply(hits, PipelineIndexes.Wanting([]));
        new NarrowerFocusWithWantedType().Apply(hits, PipelineIndexes.Wanting([]));

        Assert.Equal(["rk-1", "am-1", "rk-2"], hits.Ids());
    }

    [Fact]
    public void Causes_of_the_effect_named_come_first()
    {
        var hits = PipelineIndexes.Hits(Pages, "ab-1", "ab-2", "ha-2", "ha-1");

        new EffectCausesFirst().Apply(hits, PipelineIndexes.Wanting(["causes"], "Heart attack"));

        Assert.Equal(["ha-1", "ab-1", "ab-2", "ha-2"], hits.Ids());
    }

    [Fact]
    public void Narrower_form_answers_when_the_condition_has_no_section_of_the_kind_asked()
    {
        var hits = PipelineIndexes.Hits(Pages, "rk-1", "rk-2", "am-1", "hr-1");

        new NarrowerFocusWithWantedType().Apply(hits, PipelineIndexes.Wanting(["inheritance"]));

        Assert.Equal(["hr-1", "rk-1", "rk-2", "am-1"], hits.Ids());
    }

    [Fact]
    public void Narrower_form_waits_when_the_condition_has_a_section_of_the_kind_asked()
    {
        var hits = PipelineIndexes.Hits(Pages, "rk-1", "rk-2", "hr-1");

        new NarrowerFocusWithWantedType().Apply(hits, PipelineIndexes.Wanting(["treatment"]));

        Assert.Equal(["rk-1", "rk-2", "hr-1"], hits.Ids());
    }

    [Fact]
    public void Default_options_run_every_rule_catch_all_first()
    {
        var rules = RankingRules.For(new SearchOptions());

        Assert.Collection(rules,
            r => Assert.IsType<CatchAllSectionsLast>(r),
            r => Assert.IsType<WantedTypeFirstWithinFocus>(r),
            r => Assert.IsType<EffectCausesFirst>(r),
            r => Assert.IsType<NarrowerFocusWithWantedType>(r));
    }

    [Fact]
    public void Ablation_switch_removes_its_rule_from_the_pipeline()
    {
        Assert.DoesNotContain(RankingRules.For(new SearchOptions { CatchAllTypes = [] }), r => r is CatchAllSectionsLast);
        Assert.DoesNotContain(RankingRules.For(new SearchOptions { CauseNamesEffect = false }), r => r is EffectCausesFirst);
        Assert.DoesNotContain(RankingRules.For(new SearchOptions { NarrowerFocusForWantedType = false }), r => r is NarrowerFocusWithWantedType);

        // The kind-of-answer rules refine one another: without the first, none of them runs.
        Assert.Collection(RankingRules.For(new SearchOptions { WantedTypeFirstWithinFocus = false }), r => Assert.IsType<CatchAllSectionsLast>(r));
    }
}
