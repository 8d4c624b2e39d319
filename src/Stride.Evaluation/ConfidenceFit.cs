using System.Globalization;
using Stride.Knowledge;
using Stride.Search;

namespace Stride.Evaluation;

/// <summary>One ranked hit as the confidence model sees it, and whether it answers the query.</summary>
/// <param name="Similarity">Question similarity, 0..1.</param>
/// <param name="Coverage">Query coverage, 0..1.</param>
/// <param name="Evidence">Matched evidence, 0..1.</param>
/// <param name="Dense">Embedding similarity, 0..1 (0 when semantic search was off).</param>
/// <param name="Answers">True when the judged set lists the entry as an answer to the query.</param>
public sealed record ConfidenceExample(double Similarity, double Coverage, double Evidence, double Dense, bool Answers);

/// <summary>The coefficients of a logistic confidence model (see <see cref="SearchOptions.ConfidenceIntercept"/>).</summary>
/// <param name="Similarity">Coefficient of question similarity.</param>
/// <param name="Coverage">Coefficient of query coverage.</param>
/// <param name="Evidence">Coefficient of matched evidence.</param>
/// <param name="Dense">Coefficient of embedding similarity (0 for the words-only model).</param>
/// <param name="Intercept">The intercept.</param>
public sealed record ConfidenceCoefficients(double Similarity, double Coverage, double Evidence, double Dense, double Intercept)
{
    /// <summary>The coefficients <paramref name="options"/> set for the words-only model, or for the semantic one.</summary>
    public static ConfidenceCoefficients Of(SearchOptions options, bool semantic)
    {
        ArgumentNullException.ThrowIfNull(options);
        return semantic
            ? new(options.SemanticConfidenceSimilarityCoefficient, options.SemanticConfidenceCoverageCoefficient, options.SemanticConfidenceEvidenceCoefficient, options.SemanticConfidenceDenseCoefficient, options.SemanticConfidenceIntercept)
            : new(options.ConfidenceSimilarityCoefficient, options.ConfidenceCoverageCoefficient, options.ConfidenceEvidenceCoefficient, 0, options.ConfidenceIntercept);
    }

    /// <summary>The model's probability for <paramref name="example"/>.</summary>
    public double Probability(ConfidenceExample example)
    {
        ArgumentNullException.ThrowIfNull(example);
        var x = (Similarity * example.Similarity) + (Coverage * example.Coverage) + (Evidence * example.Evidence) + (Dense * example.Dense) + Intercept;
        return 1.0 / (1.0 + Math.Exp(-x));
    }

    /// <summary>The settings that put these coefficients in place, as configuration lines (two decimals).</summary>
    public string Describe(bool semantic)
    {
        var prefix = semantic ? "SemanticConfidence" : "Confidence";
        var lines = new List<string>
        {
            F($"{prefix}SimilarityCoefficient = {Similarity:F2}"),
            F($"{prefix}CoverageCoefficient = {Coverage:F2}"),
            F($"{prefix}EvidenceCoefficient = {Evidence:F2}"),
        };
        if (semantic)
        {
            lines.Add(F($"{prefix}DenseCoefficient = {Dense:F2}"));
        }

        lines.Add(F($"{prefix}Intercept = {Intercept:F2}"));
        return string.Join(Environment.NewLine, lines);

        static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
    }
}

/// <summary>
/// Fits the confidence model: logistic regression (Newton's method with a small ridge) on the top
/// <see cref="HitsPerQuery"/> hits of judged queries, each labelled by whether the set lists it as an answer. Queries
/// the collection cannot answer give only negative examples, which is what teaches "no good answer".
/// </summary>
public static class ConfidenceFit
{
    /// <summary>How many of each query's hits become examples: the ones a page could show.</summary>
    public const int HitsPerQuery = 5;

    /// <summary>
    /// The examples of <paramref name="set"/>: the top hits of <paramref name="search"/> for each query, labelled by
    /// the set (its keys are entry ids, or stored questions when they do not all name ids).
    /// </summary>
    public static IReadOnlyList<ConfidenceExample> Collect(JudgedQuerySet set, KnowledgeBase knowledgeBase, Func<string, IReadOnlyList<SearchHit>> search)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(knowledgeBase);
        ArgumentNullException.ThrowIfNull(search);
        var byId = set.Queries.SelectMany(q => q.Relevant).All(key => knowledgeBase.Find(key) is not null);
        return
        [
            .. from q in set.Queries
               from hit in search(q.Query).Take(HitsPerQuery)
               select new ConfidenceExample(hit.QuestionSimilarity, hit.Coverage, hit.Evidence, hit.DenseSimilarity ?? 0,
                   q.Relevant.Contains(byId ? hit.Entry.Id : hit.Entry.Question)),
        ];
    }

    /// <summary>
    /// The coefficients that maximise the likelihood of <paramref name="examples"/> (with an L2 penalty of
    /// <paramref name="ridge"/> on all but the intercept, which keeps the fit finite when a feature separates the
    /// labels); the dense coefficient stays 0 unless <paramref name="withDense"/>.
    /// </summary>
    public static ConfidenceCoefficients Fit(IReadOnlyList<ConfidenceExample> examples, bool withDense, double ridge = 0.01)
    {
        ArgumentNullException.ThrowIfNull(examples);
        if (examples.Count == 0 || examples.All(e => e.Answers) || examples.All(e => !e.Answers))
        {
            throw new ArgumentException("fitting needs examples of both kinds: hits that answer and hits that do not", nameof(examples));
        }

        var features = withDense ? 5 : 4;
        double[] Row(ConfidenceExample e) => withDense ? [e.Similarity, e.Coverage, e.Evidence, e.Dense, 1] : [e.Similarity, e.Coverage, e.Evidence, 1];
        var rows = examples.Select(Row).ToArray();
        var w = new double[features];
        for (var iteration = 0; iteration < 100; iteration++)
        {
            var gradient = new double[features];
            var hessian = new double[features, features];
            for (var n = 0; n < rows.Length; n++)
            {
                var x = rows[n];
                var p = 1.0 / (1.0 + Math.Exp(-Dot(w, x)));
                var residual = (examples[n].Answers ? 1.0 : 0.0) - p;
                var weight = p * (1 - p);
                for (var i = 0; i < features; i++)
                {
                    gradient[i] += residual * x[i];
                    for (var j = 0; j < features; j++)
                    {
                        hessian[i, j] += weight * x[i] * x[j];
                    }
                }
            }

            for (var i = 0; i < features - 1; i++)
            {
                gradient[i] -= ridge * w[i];
                hessian[i, i] += ridge;
            }

            var step = Solve(hessian, gradient);
            for (var i = 0; i < features; i++)
            {
                w[i] += step[i];
            }

            if (step.Max(Math.Abs) < 1e-9)
            {
                break;
            }
        }

        return withDense
            ? new ConfidenceCoefficients(w[0], w[1], w[2], w[3], w[4])
            : new ConfidenceCoefficients(w[0], w[1], w[2], 0, w[3]);
    }

    /// <summary>Mean log loss of <paramref name="coefficients"/> on <paramref name="examples"/> (lower is better).</summary>
    public static double LogLoss(ConfidenceCoefficients coefficients, IReadOnlyList<ConfidenceExample> examples)
    {
        ArgumentNullException.ThrowIfNull(coefficients);
        ArgumentNullException.ThrowIfNull(examples);
        return examples.Count == 0 ? 0 : examples.Average(e =>
        {
            var p = Math.Clamp(coefficients.Probability(e), 1e-12, 1 - 1e-12);
            return e.Answers ? -Math.Log(p) : -Math.Log(1 - p);
        });
    }

    private static double Dot(double[] a, double[] b)
    {
        var sum = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }

    // Gaussian elimination with partial pivoting; the systems are 4x4 or 5x5 and positive definite thanks to the ridge.
    private static double[] Solve(double[,] matrix, double[] vector)
    {
        var n = vector.Length;
        var a = (double[,])matrix.Clone();
        var b = (double[])vector.Clone();
        for (var col = 0; col < n; col++)
        {
            var pivot = col;
            for (var row = col + 1; row < n; row++)
            {
                if (Math.Abs(a[row, col]) > Math.Abs(a[pivot, col]))
                {
                    pivot = row;
                }
            }

            for (var k = 0; k < n; k++)
            {
                (a[col, k], a[pivot, k]) = (a[pivot, k], a[col, k]);
            }

            (b[col], b[pivot]) = (b[pivot], b[col]);
            for (var row = col + 1; row < n; row++)
            {
                var factor = a[row, col] / a[col, col];
                for (var k = col; k < n; k++)
                {
                    a[row, k] -= factor * a[col, k];
                }

                b[row] -= factor * b[col];
            }
        }

        var x = new double[n];
        for (var row = n - 1; row >= 0; row--)
        {
            var sum = b[row];
            for (var k = row + 1; k < n; k++)
            {
                sum -= a[row, k] * x[k];
            }

            x[row] = sum / a[row, row];
        }

        return x;
    }
}
