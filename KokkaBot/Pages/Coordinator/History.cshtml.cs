using KokkaBot.Knowledge.Editing;
using KokkaBot.Knowledge.Model;
using KokkaBot.Staff;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KokkaBot.Pages.Coordinator;

/// <summary><c>/coordinator/entries/{slug}/history</c>: every version, a field-by-field comparison of two, and rollback.</summary>
[Authorize(Policy = StaffPolicies.EditKnowledge)]
public sealed class HistoryModel(KnowledgeEditor editor) : PageModel
{
    [FromRoute]
    public string Slug { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public int? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? To { get; set; }

    public KnowledgeEntry? Entry { get; private set; }
    public IReadOnlyList<RevisionSummary> Versions { get; private set; } = [];

    /// <summary>The comparison asked for (null: none asked, or a version that does not exist).</summary>
    public IReadOnlyList<FieldChange>? Changes { get; private set; }

    public string? Message { get; private set; }
    public IReadOnlyList<EntryProblem> Problems { get; private set; } = [];
    public bool CanEdit { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
            return NotFound();
        if (From is { } from && To is { } to)
        {
            Changes = await editor.DiffAsync(Slug, from, to, cancellationToken);
            if (Changes is null)
                Message = $"There is no version {(Versions.Any(v => v.Version == from) ? to : from)} to compare.";
        }
        return Page();
    }

    /// <summary>Makes a new version with the content of <paramref name="version"/>, if nobody saved since <paramref name="expectedVersion"/>.</summary>
    public async Task<IActionResult> OnPostRollbackAsync(int version, int expectedVersion, CancellationToken cancellationToken)
    {
        var result = await editor.RollbackAsync(Slug, version, expectedVersion, User.ToEditor(), cancellationToken);
        if (result.Outcome == EditOutcome.Saved)
        {
            TempData["Notice"] = $"Rolled back to version {version}: the entry is now version {result.Entry!.Version}.";
            return Redirect($"/coordinator/entries/{Uri.EscapeDataString(result.Entry.Slug)}/history");
        }
        if (!await LoadAsync(cancellationToken))
            return NotFound();
        Message = result.Outcome == EditOutcome.Invalid
            ? $"Version {version} cannot be restored as it is: it breaks today's rules. Open the entry, fix these, and save."
            : result.Message;
        Problems = result.Problems ?? [];
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        Entry = await editor.GetAsync(Slug, cancellationToken);
        if (Entry is null)
            return false;
        Versions = await editor.HistoryAsync(Slug, cancellationToken);
        CanEdit = User.ToEditor().MayEdit(Entry.Towns);
        if (From is null && To is null && Versions.Count >= 2)
        {
            // Offer the latest change by default.
            From = Versions[1].Version;
            To = Versions[0].Version;
            Changes = null;
        }
        return true;
    }
}
