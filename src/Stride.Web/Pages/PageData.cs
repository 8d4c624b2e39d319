using Stride.Hosting;
using Stride.Knowledge;

namespace Stride.Web.Pages;

/// <summary>What pages read from the serving knowledge base besides answers: the emergency signs and the topics.</summary>
public static class PageData
{
    /// <summary>
    /// True (and the response set to 503 with Retry-After) while the first knowledge base is still loading or failed
    /// to load, so every page says "starting up" the same way.
    /// </summary>
    public static bool NotReady(IndexHolder holder, HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(holder);
        ArgumentNullException.ThrowIfNull(response);
        if (holder.IsLoaded)
        {
            return false;
        }

        response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        response.Headers.RetryAfter = "5";
        return true;
    }

    /// <summary>The emergency checklist of the serving triage rules, or empty before the first load.</summary>
    public static IReadOnlyList<string> EmergencySigns(IndexHolder holder)
    {
        ArgumentNullException.ThrowIfNull(holder);
        if (!holder.IsLoaded)
        {
            return [];
        }

        using var lease = holder.Acquire();
        return lease.Engine.TriageEngine.Rules.EmergencyChecklist;
    }

    /// <summary>Every topic with its questions (junk entries left out), in the order the knowledge base lists them.</summary>
    public static IReadOnlyList<TopicView> Topics(KnowledgeBase kb)
    {
        ArgumentNullException.ThrowIfNull(kb);
        return [.. kb.Entries.Where(e => !e.IsJunk)
            .GroupBy(e => e.Topic, StringComparer.Ordinal)
            .Select(g => new TopicView(g.Key, [.. g.Select(e => new EntryLink(e.Id, e.Question))]))];
    }
}

/// <summary>One topic and its questions.</summary>
/// <param name="Topic">The topic.</param>
/// <param name="Entries">Its questions, linking to their pages.</param>
public sealed record TopicView(string Topic, IReadOnlyList<EntryLink> Entries);

/// <summary>A question linking to its entry page.</summary>
/// <param name="Id">The entry's id.</param>
/// <param name="Question">Its question.</param>
public sealed record EntryLink(string Id, string Question);
