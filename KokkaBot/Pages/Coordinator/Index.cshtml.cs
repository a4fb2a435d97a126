using KokkaBot.Knowledge.Editing;
using KokkaBot.Knowledge.Model;
using KokkaBot.Staff;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KokkaBot.Pages.Coordinator;

/// <summary><c>/coordinator</c>: every entry, filtered and searched, with what needs doing.</summary>
[Authorize(Policy = StaffPolicies.EditKnowledge)]
public sealed class IndexModel(KnowledgeEditor editor, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Kind { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Category { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Town { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Missing { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Overdue { get; set; }

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    public IReadOnlyList<EntrySummary> Entries { get; private set; } = [];
    public int Total { get; private set; }
    public DateOnly Today { get; private set; }
    public Editor Editor { get; private set; } = null!;

    public bool Filtered => Kind is { Length: > 0 } || Category is { Length: > 0 } || Town is { Length: > 0 } || Status is { Length: > 0 }
        || Missing is { Length: > 0 } || Overdue || Query is { Length: > 0 };

    public int OverdueCount => Entries.Count(e => IsOverdue(e));

    public bool IsOverdue(EntrySummary entry) => entry.ReviewDue < Today;

    public int CountOf(EntryStatus status) => Entries.Count(e => e.Status == status);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Editor = User.ToEditor();
        Today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var filter = new EntryFilter
        {
            Kind = Enum.TryParse<EntryKind>(Kind, ignoreCase: true, out var kind) ? kind : null,
            Category = Vocabulary.IsCategory(Category) ? Category : null,
            Town = Town is "national" || Knowledge.Places.Towns.Find(Town) is not null ? Town : null,
            Status = Enum.TryParse<EntryStatus>(Status, ignoreCase: true, out var status) ? status : null,
            MissingLanguage = Vocabulary.IsLanguage(Missing) ? Missing : null,
            OverdueOnly = Overdue,
            Text = string.IsNullOrWhiteSpace(Query) ? null : Query.Trim(),
        };
        Entries = await editor.ListAsync(filter, cancellationToken);
        Total = Filtered ? await editor.CountAsync(cancellationToken) : Entries.Count;
    }
}
