using KokkaBot.Knowledge.Editing;
using KokkaBot.Knowledge.Exchange;
using KokkaBot.Knowledge.Model;
using KokkaBot.Staff;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KokkaBot.Pages.Coordinator;

/// <summary>
/// <c>/coordinator/entries/{slug}</c> (and <c>/coordinator/entries/new</c>): the edit form. Every save
/// names the version the form was loaded at; a stale save is refused, the typed text stays in the
/// form, the fields that differ from the saved version are listed, and saving again goes on top of it.
/// </summary>
[Authorize(Policy = StaffPolicies.EditKnowledge)]
public sealed class EntryModel(KnowledgeEditor editor, TimeProvider clock) : PageModel
{
    public const string NewSlug = "new";

    private readonly List<EntryProblem> _problems = [];

    [FromRoute]
    public string Slug { get; set; } = "";

    [BindProperty]
    public EntryForm Form { get; set; } = new();

    /// <summary>The language tab in view (kept across saves so the coordinator stays where they were).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Lang { get; set; }

    public bool IsNew => Slug == NewSlug;

    /// <summary>The entry as it is saved now (null for a new one).</summary>
    public KnowledgeEntry? Saved { get; private set; }

    /// <summary>What the preview shows: the saved entry after a load or a save, what was typed after a refusal.</summary>
    public KnowledgeEntry Preview { get; private set; } = null!;

    public IReadOnlyList<EntryProblem> Problems => _problems;

    /// <summary>The headline of the refusal, shown above the problems.</summary>
    public string? Message { get; private set; }

    /// <summary>After a conflict: the fields where what was typed differs from the version saved meanwhile.</summary>
    public IReadOnlyList<FieldChange>? Conflict { get; private set; }

    public Editor Editor { get; private set; } = null!;

    /// <summary>False when the entry is outside the coordinator's towns: the page shows it read-only.</summary>
    public bool CanEdit { get; private set; }

    public string SelectedLanguage => Vocabulary.IsLanguage(Lang) ? Lang! : "en";

    public IEnumerable<EntryProblem> ProblemsFor(string field) => _problems.Where(p => p.Field == field);

    public bool HasProblem(string field) => _problems.Any(p => p.Field == field);

    /// <summary>Whether a language tab has a problem (to mark the tab).</summary>
    public bool LanguageHasProblem(string language) => _problems.Any(p => Display.FieldLanguage(p.Field) == language);

    /// <summary>Towns the coordinator may choose: their own, or every town when they have no limit.</summary>
    public bool MayChooseTown(string town) => Editor.Towns is null || Editor.Towns.Contains(town);

    /// <summary>True when the address names no entry: the page says so (with a 404).</summary>
    public bool IsMissing { get; private set; }

    public string ScopeText => Editor.Towns is null ? "" : string.Join(", ", Editor.Towns.Select(Display.Town));

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Editor = User.ToEditor();
        if (IsNew)
        {
            Form = EntryForm.New(Today, Editor.Towns);
            CanEdit = true;
            Preview = Form.ToEntry(EntryStatus.Draft).Entry;
            return Page();
        }
        Saved = await editor.GetAsync(Slug, cancellationToken);
        if (Saved is null)
            return Missing();
        Form = EntryForm.From(Saved);
        CanEdit = Editor.MayEdit(Saved.Towns);
        Preview = Saved;
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken cancellationToken)
    {
        Editor = User.ToEditor();
        if (IsNew)
            return await CreateAsync(cancellationToken);
        if (await LoadForPostAsync(cancellationToken) is { } early)
            return early;

        var (entry, readProblems) = Form.ToEntry(Saved!.Status);
        if (readProblems.Count > 0)
            return Refused(entry, "The entry was not saved.", Combine(readProblems, entry));

        var result = await editor.UpdateAsync(Slug, entry, Form.Version, Editor, cancellationToken);
        if (result.Outcome != EditOutcome.Saved)
            return Refused(entry, result);
        TempData["Notice"] = $"Saved: version {result.Entry!.Version}.";
        return Reload(result.Entry.Slug);
    }

    public Task<IActionResult> OnPostPublishAsync(CancellationToken cancellationToken) =>
        ChangeStatusAsync("published", "The entry is published: the bot uses it now.", (version, ct) => editor.PublishAsync(Form.Slug!, version, Editor, ct), cancellationToken);

    public Task<IActionResult> OnPostUnpublishAsync(CancellationToken cancellationToken) =>
        ChangeStatusAsync("unpublished", "The entry is a draft again: the bot no longer uses it.", (version, ct) => editor.UnpublishAsync(Form.Slug!, version, Editor, ct), cancellationToken);

    public Task<IActionResult> OnPostArchiveAsync(CancellationToken cancellationToken) =>
        ChangeStatusAsync("archived", "The entry is archived: the bot no longer uses it.", (version, ct) => editor.ArchiveAsync(Form.Slug!, version, Editor, ct), cancellationToken);

    /// <summary>The preview of what was typed, without saving: the preview block only for coordinator.js, else the whole page.</summary>
    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken cancellationToken)
    {
        Editor = User.ToEditor();
        var status = EntryStatus.Draft;
        if (!IsNew)
        {
            Saved = await editor.GetAsync(Slug, cancellationToken);
            if (Saved is null)
                return Missing();
            status = Saved.Status;
        }
        CanEdit = Saved is null || Editor.MayEdit(Saved.Towns);
        Preview = Form.ToEntry(status).Entry;
        if (Request.Headers["X-Requested-With"] == "coordinator.js")
            return Partial("_PreviewSet", new PreviewSet(Preview, SelectedLanguage));
        return Page();
    }

    private PageResult Missing()
    {
        IsMissing = true;
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    private async Task<IActionResult> CreateAsync(CancellationToken cancellationToken)
    {
        CanEdit = true;
        var (entry, readProblems) = Form.ToEntry(EntryStatus.Draft);
        var problems = readProblems.ToList();
        if (entry.Slug == NewSlug)
            problems.Add(new EntryProblem("slug", "'new' is the address of this form: choose another slug."));
        if (problems.Count > 0)
            return Refused(entry, "The entry was not saved.", Combine(problems, entry));

        var result = await editor.CreateAsync(entry, Editor, cancellationToken);
        if (result.Outcome != EditOutcome.Saved)
            return Refused(entry, result);
        TempData["Notice"] = "Created as a draft (version 1). Publish it when it is ready.";
        return Reload(result.Entry!.Slug);
    }

    /// <summary>
    /// Publish, unpublish, archive. Anything typed and not yet saved is saved first (with the form's
    /// version), so a status change never drops text; then the status changes on the version that is saved.
    /// </summary>
    private async Task<IActionResult> ChangeStatusAsync(string done, string notice, Func<int, CancellationToken, Task<EditResult>> change, CancellationToken cancellationToken)
    {
        Editor = User.ToEditor();
        if (IsNew)
            return await CreateAsync(cancellationToken);
        if (await LoadForPostAsync(cancellationToken) is { } early)
            return early;

        var (entry, readProblems) = Form.ToEntry(Saved!.Status);
        if (readProblems.Count > 0)
            return Refused(entry, $"Not {done}: the entry has problems.", Combine(readProblems, entry));

        var version = Form.Version;
        var saved = Saved;
        var edited = KnowledgeEditor.Diff(EntryDocument.From(Saved), EntryDocument.From(entry)).Count > 0;
        if (edited)
        {
            var save = await editor.UpdateAsync(Slug, entry, Form.Version, Editor, cancellationToken);
            if (save.Outcome != EditOutcome.Saved)
                return Refused(entry, save, $"Not {done}: your changes could not be saved.");
            saved = save.Entry!;
            version = saved.Version;
        }

        Form.Slug = saved.Slug;
        var result = await change(version, cancellationToken);
        if (result.Outcome != EditOutcome.Saved)
        {
            if (edited)
            {
                // The text is saved; only the status change was refused. Show the saved state.
                Saved = saved;
                Slug = saved.Slug;
                Form.Version = saved.Version;
            }
            return Refused(entry, result, $"Not {done}.");
        }
        TempData["Notice"] = (edited ? "Your changes are saved. " : "") + notice;
        return Reload(result.Entry!.Slug);
    }

    /// <summary>The saved entry a POST works on; a page (not found, read-only) when there is nothing to do.</summary>
    private async Task<IActionResult?> LoadForPostAsync(CancellationToken cancellationToken)
    {
        Saved = await editor.GetAsync(Slug, cancellationToken);
        if (Saved is null)
        {
            CanEdit = false;
            Preview = Form.ToEntry(EntryStatus.Draft).Entry;
            Message = $"There is no entry '{Slug}' any more (it may have been renamed). What you typed is below: copy it, or save it as a new entry.";
            return Page();
        }
        CanEdit = Editor.MayEdit(Saved.Towns);
        return null;
    }

    private RedirectResult Reload(string slug) =>
        Redirect($"/coordinator/entries/{Uri.EscapeDataString(slug)}" + (SelectedLanguage == "en" ? "" : $"?lang={SelectedLanguage}"));

    private PageResult Refused(KnowledgeEntry typed, EditResult result, string? headline = null)
    {
        Preview = typed;
        Message = result.Outcome switch
        {
            EditOutcome.Invalid when headline is not null => $"{headline} Fix the problems below first.",
            _ when headline is not null => $"{headline} {result.Message}",
            _ => result.Message,
        };
        _problems.AddRange(result.Problems ?? []);
        switch (result.Outcome)
        {
            case EditOutcome.Conflict when result.Entry is { } current:
                // Keep every typed word; list what differs from the version saved meanwhile; the next save goes on top of it.
                typed.Status = current.Status;
                Conflict = KnowledgeEditor.Diff(EntryDocument.From(current), EntryDocument.From(typed));
                Saved = current;
                Form.Version = current.Version;
                break;
            case EditOutcome.NotFound:
                CanEdit = false;
                break;
        }
        return Page();
    }

    private PageResult Refused(KnowledgeEntry typed, string message, IReadOnlyList<EntryProblem> problems)
    {
        Preview = typed;
        Message = message;
        _problems.AddRange(problems);
        return Page();
    }

    /// <summary>The form's own problems plus the validator's, one message per field.</summary>
    private static List<EntryProblem> Combine(IReadOnlyList<EntryProblem> readProblems, KnowledgeEntry entry) =>
        [.. readProblems, .. EntryValidator.Validate(entry).Where(p => !readProblems.Any(r => r.Field == p.Field))];
}
