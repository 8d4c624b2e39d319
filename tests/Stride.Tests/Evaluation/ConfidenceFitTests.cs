using Stride.Evaluation;

namespace Stride.Tests.Evaluation;

public sealed class ConfidenceFitTests
{
    [Fact]
    public void Fitting_recovers_the_coefficients_that_generated_the_labels()
    {
        var truth = new ConfidenceCoefficients(2.0, 1.0, 4.0, 6.0, -7.0);
        var random = new Random(7);
        var examples = new List<ConfidenceExample>();
        for (var i = 0; i < 20_000; i++)
        {
            var x = new ConfidenceExample(random.NextDouble(), random.NextDouble(), random.NextDouble(), random.NextDouble(), false);
            examples.Add(x with { Answers = random.NextDouble() < truth.Probability(x) });
        }

        var fitted = ConfidenceFit.Fit(examples, withDense: true, ridge: 0);

        Assert.Equal(truth.Similarity, fitted.Similarity, 0.4);
        Assert.Equal(truth.Coverage, fitted.Coverage, 0.4);
        Assert.Equal(truth.Evidence, fitted.Evidence, 0.4);
        Assert.Equal(truth.Dense, fitted.Dense, 0.4);
        Assert.Equal(truth.Intercept, fitted.Intercept, 0.5);
        Assert.True(ConfidenceFit.LogLoss(fitted, examples) <= ConfidenceFit.LogLoss(truth, examples) + 1e-9);
    }

    [Fact]
    public void The_words_only_fit_leaves_the_dense_coefficient_at_zero()
    {
        var examples = new[]
        {
            new ConfidenceExample(0.9, 0.9, 0.5, 0.9, true),
            new ConfidenceExample(0.8, 0.5, 0.4, 0.8, true),
            new ConfidenceExample(0.2, 0.3, 0.1, 0.2, false),
            new ConfidenceExample(0.1, 0.6, 0.2, 0.1, false),
            new ConfidenceExample(0.7, 0.2, 0.3, 0.3, false),
            new ConfidenceExample(0.3, 0.8, 0.4, 0.7, true),
        };

        var fitted = ConfidenceFit.Fit(examples, withDense: false);

        Assert.Equal(0, fitted.Dense);
        Assert.True(double.IsFinite(fitted.Intercept));
        Assert.Contains("ConfidenceIntercept = ", fitted.Describe(semantic: false), StringComparison.Ordinal);
        Assert.DoesNotContain("Dense", fitted.Describe(semantic: false), StringComparison.Ordinal);
    }

    [Fact]
    public void Examples_of_one_kind_only_cannot_be_fitted()
    {
        var onlyMisses = new[] { new ConfidenceExample(0.1, 0.1, 0.1, 0.1, false), new ConfidenceExample(0.2, 0.2, 0.2, 0.2, false) };

        var error = Assert.Throws<ArgumentException>(() => ConfidenceFit.Fit(onlyMisses, withDense: true));
        Assert.Contains("both kinds", error.Message, StringComparison.Ordinal);
    }
}
