using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Stride.Hosting;
using Stride.Search;
using Stride.Triage;
using Stride.Web.Infrastructure;

namespace Stride.Web.Pages;

/// <summary>
/// <c>/ask?q=...</c>: the answer page. The same engine as <c>GET /api/ask</c> (<see cref="IndexHolder"/> lease, then
/// <c>Ask</c>); a question the API would refuse brings back the home page with the reason (400), never an error page.
/// </summary>
public sealed class AskModel(IndexHolder holder) : PageModel
{
    /// <summary>How many answers the page asks the engine for.</summary>
    public const int Top = 3;

    /// <summary>The question, as typed.</summary>
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Question { get; set; }

    /// <summary>The answer page, or null when the question was refused or the knowledge base is not loaded yet.</summary>
    public AnswerPage? Answer { get; private set; }

    /// <summary>Why the question could not be asked (shown on the home content), or null.</summary>
    public string? Error { get; private set; }

    /// <summary>True while the first knowledge base is still loading (or failed to load).</summary>
    public bool NotReady { get; private set; }

    /// <summary>The topics to offer when there is no good answer.</summary>
    public IReadOnlyList<TopicView> Topics { get; private set; } = [];

    /// <summary>The emergency signs, for the home content shown with an error.</summary>
    public IReadOnlyList<string> EmergencySigns { get; private set; } = [];

    /// <summary>The page title: the question (shortened), led by the emergency when there is one.</summary>
    public string Title
    {
        get
        {
            if (Error is not null)
            {
                return "Please try again - Stride";
            }

            if (Answer is null)
            {
                return "Starting up - Stride";
            }

            var question = Answer.Query.Length > 60 ? Answer.Query[..57].TrimEnd() + "..." : Answer.Query;
            return Answer.Triage.Understood && Answer.Triage.Level == TriageLevel.Emergency
                ? $"Emergency: call 999 or 911 now - {question} - Stride"
                : $"{question} - Stride";
        }
    }

    /// <summary>Answers the question, or explains why it cannot.</summary>
    public IActionResult OnGet()
    {
        if (QuestionValidator.Validate(Question) is { } problem)
        {
            Error = char.ToUpperInvariant(problem[0]) + problem[1..];
            EmergencySigns = PageData.EmergencySigns(holder);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            if (Question is { Length: > QuestionValidator.MaxLength })
            {
                Question = Question[..QuestionValidator.MaxLength];
            }

            return Page();
        }

        if (PageData.NotReady(holder, Response))
        {
            NotReady = true;
            return Page();
        }

        using var lease = holder.Acquire();
        Answer = lease.Engine.Ask(Question!, Top);
        if (Answer.NoGoodAnswer)
        {
            Topics = PageData.Topics(lease.Engine.KnowledgeBase);
        }

        HttpContext.RecordOutcome(Answer.Triage.Level.Name(), Answer.Answers.Count);
        return Page();
    }
}
