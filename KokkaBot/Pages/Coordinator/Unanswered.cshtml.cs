using KokkaBot.Knowledge.Editing;
using KokkaBot.Knowledge.Storage;
using KokkaBot.Staff;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KokkaBot.Pages.Coordinator;

/// <summary><c>/coordinator/unanswered</c>: questions the bot could not answer, so coordinators know what to write next.</summary>
[Authorize(Policy = StaffPolicies.EditKnowledge)]
public sealed class UnansweredModel(KnowledgeEditor editor) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public bool Resolved { get; set; }

    public IReadOnlyList<UnansweredQuestion> Questions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Questions = await editor.UnansweredAsync(Resolved, 500, cancellationToken);
}
