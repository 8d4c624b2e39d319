using Microsoft.AspNetCore.Mvc.RazorPages;
using Stride.Hosting;

namespace Stride.Web.Pages;

/// <summary><c>/</c>: the search box, example questions and the safety note.</summary>
public sealed class IndexModel(IndexHolder holder) : PageModel
{
    /// <summary>The signs that mean "call 999 or 911 now", from the serving triage rules.</summary>
    public IReadOnlyList<string> EmergencySigns { get; private set; } = [];

    /// <summary>Renders the home page.</summary>
    public void OnGet() => EmergencySigns = PageData.EmergencySigns(holder);
}
