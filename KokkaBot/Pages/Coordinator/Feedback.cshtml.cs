using KokkaBot.Knowledge.Editing;
using KokkaBot.Knowledge.Search;
using KokkaBot.Staff;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KokkaBot.Pages.Coordinator;

/// <summary><c>/coordinator/feedback</c>: students' thumbs up and down per entry, so coordinators know which answers to improve.</summary>
[Authorize(Policy = StaffPolicies.EditKnowledge)]
public sealed class FeedbackModel(KnowledgeEditor editor, KnowledgeIndex index) : PageModel
{
    public const int PageSize = 200;

    [BindProperty(SupportsGet = true)]
    public int Take { get; set; } = PageSize;

    public IReadOnlyList<FeedbackSummary> Entries { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Take = Math.Clamp(Take, 1, 5000);
        Entries = await editor.FeedbackAsync(Take, cancellationToken);
    }

    /// <summary>The entry's English title, when the entry still exists.</summary>
    public string? Title(string slug) => index.Find(slug)?.Text("en")?.Title;
}
