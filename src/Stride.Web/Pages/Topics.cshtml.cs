using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Stride.Hosting;

namespace Stride.Web.Pages;

/// <summary><c>/topics</c>: every question of the knowledge base, by topic.</summary>
public sealed class TopicsModel(IndexHolder holder) : PageModel
{
    /// <summary>The topics and their questions (empty before the first load).</summary>
    public IReadOnlyList<TopicView> Topics { get; private set; } = [];

    /// <summary>Lists the topics.</summary>
    public IActionResult OnGet()
    {
        if (!holder.IsLoaded)
        {
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            Response.Headers.RetryAfter = "5";
            return Page();
        }

        using var lease = holder.Acquire();
        Topics = PageData.Topics(lease.Engine.KnowledgeBase);
        return Page();
    }
}
