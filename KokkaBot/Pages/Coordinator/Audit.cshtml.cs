using KokkaBot.Knowledge.Editing;
using KokkaBot.Knowledge.Storage;
using KokkaBot.Staff;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KokkaBot.Pages.Coordinator;

/// <summary><c>/coordinator/audit</c>: who changed what, when, newest first.</summary>
[Authorize(Policy = StaffPolicies.EditKnowledge)]
public sealed class AuditModel(KnowledgeEditor editor) : PageModel
{
    public const int PageSize = 200;

    [BindProperty(SupportsGet = true)]
    public int Take { get; set; } = PageSize;

    public IReadOnlyList<AuditRecord> Records { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Take = Math.Clamp(Take, 1, 5000);
        Records = await editor.AuditAsync(Take, cancellationToken);
    }
}
