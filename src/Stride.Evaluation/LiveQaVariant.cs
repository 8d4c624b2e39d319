namespace Stride.Evaluation;

/// <summary>Which wording of a LiveQA question is given to the ranker.</summary>
public enum LiveQaVariant
{
    /// <summary>The consumer's own SUBJECT and MESSAGE: the headline setting.</summary>
    Original,

    /// <summary>NIST's paraphrase, written by an assessor (a labelled variant, never the headline).</summary>
    Paraphrase,

    /// <summary>NLM's short summary, written by an assessor (a labelled variant, never the headline).</summary>
    Summary,
}
