using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Stride.Hosting;
using Stride.Knowledge;
using Stride.Web.Infrastructure;

namespace Stride.Web.Pages;

/// <summary><c>/entries/{id}</c>: one entry with its sources and related entries; a 404 page when there is none.</summary>
public sealed class EntryModel(IndexHolder holder) : PageModel
{
    /// <summary>The entry's id, from the path.</summary>
    [BindProperty(SupportsGet = true)]
    public string Id { get; set; } = string.Empty;

    /// <summary>The entry, or null when there is no such entry (or nothing is loaded yet).</summary>
    public KbEntry? Entry { get; private set; }

    /// <summary>The related entries that exist (junk left out).</summary>
    public IReadOnlyList<KbEntry> Related { get; private set; } = [];

    /// <summary>Other entries of the same topic, for reading on.</summary>
    public IReadOnlyList<KbEntry> SameTopic { get; private set; } = [];

    /// <summary>True while the first knowledge base is still loading (or failed to load).</summary>
    public bool NotReady { get; private set; }

    /// <summary>Finds the entry.</summary>
    public IActionResult OnGet()
    {
        if (PageData.NotReady(holder, Response))
        {
            NotReady = true;
            return Page();
        }

        using var lease = holder.Acquire();
        var kb = lease.Engine.KnowledgeBase;
        Entry = kb.Find(Id);
        if (Entry is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }

        Related = [.. Entry.Related.Select(kb.Find).OfType<KbEntry>().Where(e => !e.IsJunk)];
        var relatedIds = Related.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        SameTopic = [.. kb.Entries.Where(e => e.Topic == Entry.Topic && e.Id != Entry.Id && !e.IsJunk && !relatedIds.Contains(e.Id)).Take(5)];
        HttpContext.RecordOutcome(null, 1);
        return Page();
    }
}
