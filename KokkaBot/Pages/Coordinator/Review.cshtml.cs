using KokkaBot.Knowledge.Editing;
using KokkaBot.Knowledge.Storage;
using KokkaBot.Staff;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KokkaBot.Pages.Coordinator;

/// <summary><c>/coordinator/review</c>: entries past their review date, and what the link checker found.</summary>
[Authorize(Policy = StaffPolicies.EditKnowledge)]
public sealed class ReviewModel(KnowledgeEditor editor, TimeProvider clock) : PageModel
{
    public IReadOnlyList<EntrySummary> Overdue { get; private set; } = [];
    public IReadOnlyList<LinkCheck> Links { get; private set; } = [];
    public DateOnly Today { get; private set; }

    public int BrokenCount => Links.Count(l => l.Outcome != "ok");

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        Overdue = (await editor.ListAsync(new EntryFilter { OverdueOnly = true }, cancellationToken)).OrderBy(e => e.ReviewDue).ToList();
        Links = await editor.LinkChecksAsync(cancellationToken);
    }
}
