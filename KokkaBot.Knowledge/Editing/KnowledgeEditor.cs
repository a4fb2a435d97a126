using System.Text.Json;
using KokkaBot.Knowledge.Exchange;
using KokkaBot.Knowledge.Model;
using KokkaBot.Knowledge.Search;
using KokkaBot.Knowledge.Storage;
using Microsoft.EntityFrameworkCore;

namespace KokkaBot.Knowledge.Editing;

/// <summary>
/// Who is editing. A coordinator may be limited to some towns, as InfoFinland's municipal editors
/// are: then they edit only entries of their towns, and never national ones.
/// </summary>
public sealed record Editor(string Name, IReadOnlyList<string>? Towns = null)
{
    public static Editor System(string job) => new($"system:{job}");

    public bool MayEdit(IReadOnlyCollection<string> entryTowns) =>
        Towns is null || (entryTowns.Count > 0 && entryTowns.All(t => Towns.Contains(t)));
}

public enum EditOutcome
{
    Saved,
    NotFound,
    Invalid,

    /// <summary>Someone else saved the entry after the editor loaded it.</summary>
    Conflict,

    Forbidden,
}

public sealed record EditResult(EditOutcome Outcome, KnowledgeEntry? Entry = null, IReadOnlyList<EntryProblem>? Problems = null, string? Message = null)
{
    public bool Succeeded => Outcome == EditOutcome.Saved;

    public static EditResult NotFound(string slug) => new(EditOutcome.NotFound, Message: $"There is no entry '{slug}'.");
}

/// <summary>A listed entry: enough for the editor's table and its filters.</summary>
public sealed record EntrySummary(
    string Slug, string Title, EntryKind Kind, string Category, IReadOnlyList<string> Towns, EntryStatus Status,
    DateOnly ReviewDue, IReadOnlyList<string> MissingLanguages, string? Owner, int Version, DateTime UpdatedAt, string UpdatedBy);

public sealed record EntryFilter
{
    public EntryKind? Kind { get; init; }
    public string? Category { get; init; }
    public string? Town { get; init; }
    public EntryStatus? Status { get; init; }
    public string? MissingLanguage { get; init; }
    public bool OverdueOnly { get; init; }

    /// <summary>Words to search for, through the search index, in any language.</summary>
    public string? Text { get; init; }
}

/// <summary>One field that differs between two versions of an entry.</summary>
public sealed record FieldChange(string Field, string? Before, string? After);

public sealed record RevisionSummary(int Version, string Change, string ChangedBy, DateTime ChangedAt);

/// <summary>What students said of the answers from one entry; <see cref="NotHelpfulQuestions"/> are the latest thumbs down, newest first.</summary>
public sealed record FeedbackSummary(string Slug, int Helpful, int NotHelpful, DateTime LastAt, IReadOnlyList<FeedbackQuestion> NotHelpfulQuestions);

/// <summary>A question whose answer a student found unhelpful.</summary>
public sealed record FeedbackQuestion(string Question, string Language, string? Town, DateTime At);

public sealed record ImportLine(int Item, string? Slug, string Outcome, IReadOnlyList<string> Reasons);

public sealed record ImportReport(IReadOnlyList<ImportLine> Lines)
{
    public int Created => Lines.Count(l => l.Outcome == "created");
    public int Updated => Lines.Count(l => l.Outcome == "updated");
    public int Unchanged => Lines.Count(l => l.Outcome == "unchanged");
    public int Rejected => Lines.Count(l => l.Outcome == "rejected");
}

/// <summary>
/// Every change to the knowledge base goes through here: validation, town scope, optimistic
/// concurrency (a stale save is refused and nothing is lost), a revision for history and rollback,
/// an audit record, and the search index, which sees the change at once.
/// </summary>
public sealed class KnowledgeEditor(KnowledgeDatabase database, KnowledgeIndex index, TimeProvider clock)
{
    private static readonly JsonSerializerOptions SnapshotJson = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Loads every entry into the search index (at start-up).</summary>
    public async Task<int> RebuildIndexAsync(CancellationToken cancellationToken)
    {
        await using var db = database.Open();
        var entries = await db.Entries.AsNoTracking().ToListAsync(cancellationToken);
        index.Rebuild(entries);
        return entries.Count;
    }

    public async Task<int> CountAsync(CancellationToken cancellationToken)
    {
        await using var db = database.Open();
        return await db.Entries.CountAsync(cancellationToken);
    }

    public async Task<KnowledgeEntry?> GetAsync(string slug, CancellationToken cancellationToken)
    {
        await using var db = database.Open();
        return await db.Entries.AsNoTracking().FirstOrDefaultAsync(e => e.Slug == slug, cancellationToken);
    }

    public async Task<IReadOnlyList<EntrySummary>> ListAsync(EntryFilter filter, CancellationToken cancellationToken)
    {
        await using var db = database.Open();
        IQueryable<KnowledgeEntry> query = db.Entries.AsNoTracking();
        if (filter.Kind is { } kind)
            query = query.Where(e => e.Kind == kind);
        if (filter.Category is { Length: > 0 } category)
            query = query.Where(e => e.Category == category);
        if (filter.Status is { } status)
            query = query.Where(e => e.Status == status);
        if (filter.OverdueOnly)
        {
            var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
            query = query.Where(e => e.ReviewDue < today);
        }

        var entries = await query.ToListAsync(cancellationToken);
        IEnumerable<KnowledgeEntry> filtered = entries;
        if (filter.Town is { Length: > 0 } town)
            filtered = filtered.Where(e => town == "national" ? e.IsNational : e.Towns.Contains(town));
        if (filter.MissingLanguage is { Length: > 0 } language)
            filtered = filtered.Where(e => e.Text(language) is not { IsComplete: true });
        if (filter.Text is { Length: > 0 } text)
        {
            var found = index.Search(new SearchRequest(text, "en") { IncludeUnpublished = true, Max = 200, Snippets = false })
                .Hits.Select((h, rank) => (h.Slug, rank)).ToDictionary(h => h.Slug, h => h.rank);
            filtered = filtered.Where(e => found.ContainsKey(e.Slug)).OrderBy(e => found[e.Slug]);
        }
        else
        {
            filtered = filtered.OrderBy(e => e.Slug, StringComparer.Ordinal);
        }
        return filtered.Select(Summarize).ToList();
    }

    public async Task<EditResult> CreateAsync(KnowledgeEntry entry, Editor editor, CancellationToken cancellationToken)
    {
        if (!editor.MayEdit(entry.Towns))
            return Forbidden(editor);
        var problems = EntryValidator.Validate(entry);
        if (problems.Count > 0)
            return new EditResult(EditOutcome.Invalid, entry, problems, "The entry was not saved.");

        await using var db = database.Open();
        if (await db.Entries.AnyAsync(e => e.Slug == entry.Slug, cancellationToken))
            return new EditResult(EditOutcome.Invalid, entry, [new EntryProblem("slug", $"An entry '{entry.Slug}' exists already: choose another slug.")], "The entry was not saved.");

        var now = clock.GetUtcNow().UtcDateTime;
        entry.Id = 0;
        entry.Version = 1;
        entry.CreatedAt = now;
        entry.UpdatedAt = now;
        entry.UpdatedBy = editor.Name;
        db.Entries.Add(entry);
        await SaveAsync(db, entry, "created", editor, cancellationToken);
        return new EditResult(EditOutcome.Saved, entry);
    }

    /// <summary>Saves new content for an entry, if nobody else saved it since <paramref name="expectedVersion"/>.</summary>
    public Task<EditResult> UpdateAsync(string slug, KnowledgeEntry changes, int expectedVersion, Editor editor, CancellationToken cancellationToken) =>
        ChangeAsync(slug, expectedVersion, editor, "updated", entry =>
        {
            if (!editor.MayEdit(changes.Towns))
                return ForbiddenProblem(editor);
            entry.Slug = changes.Slug;
            Copy(changes, entry);
            return null;
        }, cancellationToken);

    public Task<EditResult> PublishAsync(string slug, int expectedVersion, Editor editor, CancellationToken cancellationToken) =>
        SetStatusAsync(slug, EntryStatus.Published, "published", expectedVersion, editor, cancellationToken);

    /// <summary>Back to draft: the bot stops using it, the text stays.</summary>
    public Task<EditResult> UnpublishAsync(string slug, int expectedVersion, Editor editor, CancellationToken cancellationToken) =>
        SetStatusAsync(slug, EntryStatus.Draft, "unpublished", expectedVersion, editor, cancellationToken);

    public Task<EditResult> ArchiveAsync(string slug, int expectedVersion, Editor editor, CancellationToken cancellationToken) =>
        SetStatusAsync(slug, EntryStatus.Archived, "archived", expectedVersion, editor, cancellationToken);

    /// <summary>Makes a new version whose content is that of <paramref name="version"/>.</summary>
    public async Task<EditResult> RollbackAsync(string slug, int version, int expectedVersion, Editor editor, CancellationToken cancellationToken)
    {
        var old = await SnapshotAsync(slug, version, cancellationToken);
        if (old is null)
            return new EditResult(EditOutcome.NotFound, Message: $"'{slug}' has no version {version}.");
        var restored = old.ToEntity();
        return await ChangeAsync(slug, expectedVersion, editor, $"rolled-back to {version}", entry =>
        {
            if (!editor.MayEdit(restored.Towns))
                return ForbiddenProblem(editor);
            entry.Slug = restored.Slug;
            Copy(restored, entry);
            return null;
        }, cancellationToken);
    }

    public async Task<IReadOnlyList<RevisionSummary>> HistoryAsync(string slug, CancellationToken cancellationToken)
    {
        await using var db = database.Open();
        return await db.Revisions.AsNoTracking()
            .Where(r => r.Slug == slug || db.Entries.Any(e => e.Slug == slug && e.Id == r.EntryId))
            .OrderByDescending(r => r.Version)
            .Select(r => new RevisionSummary(r.Version, r.Change, r.ChangedBy, r.ChangedAt))
            .ToListAsync(cancellationToken);
    }

    public async Task<EntryDocument?> SnapshotAsync(string slug, int version, CancellationToken cancellationToken)
    {
        await using var db = database.Open();
        var entryId = await db.Entries.Where(e => e.Slug == slug).Select(e => (int?)e.Id).FirstOrDefaultAsync(cancellationToken);
        if (entryId is null)
            return null;
        var snapshot = await db.Revisions.AsNoTracking()
            .Where(r => r.EntryId == entryId && r.Version == version)
            .Select(r => r.Snapshot)
            .FirstOrDefaultAsync(cancellationToken);
        return snapshot is null ? null : JsonSerializer.Deserialize<EntryDocument>(snapshot, SnapshotJson);
    }

    /// <summary>What changed from one version to another, field by field.</summary>
    public async Task<IReadOnlyList<FieldChange>?> DiffAsync(string slug, int from, int to, CancellationToken cancellationToken)
    {
        var before = await SnapshotAsync(slug, from, cancellationToken);
        var after = await SnapshotAsync(slug, to, cancellationToken);
        return before is null || after is null ? null : Diff(before, after);
    }

    public static IReadOnlyList<FieldChange> Diff(EntryDocument before, EntryDocument after)
    {
        var a = Flatten(before);
        var b = Flatten(after);
        return a.Keys.Union(b.Keys).Order(StringComparer.Ordinal)
            .Where(k => a.GetValueOrDefault(k) != b.GetValueOrDefault(k))
            .Select(k => new FieldChange(k, a.GetValueOrDefault(k), b.GetValueOrDefault(k)))
            .ToList();
    }

    public async Task<IReadOnlyList<AuditRecord>> AuditAsync(int take, CancellationToken cancellationToken)
    {
        await using var db = database.Open();
        return await db.Audit.AsNoTracking().OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Take(take).ToListAsync(cancellationToken);
    }

    /// <summary>The latest link check of every checked link, broken ones first.</summary>
    public async Task<IReadOnlyList<LinkCheck>> LinkChecksAsync(CancellationToken cancellationToken)
    {
        await using var db = database.Open();
        var checks = await db.LinkChecks.AsNoTracking().ToListAsync(cancellationToken);
        return checks.OrderBy(c => c.Outcome == "ok").ThenBy(c => c.Slug, StringComparer.Ordinal).ThenBy(c => c.Field, StringComparer.Ordinal).ToList();
    }

    /// <summary>Keeps a question the bot could not answer, for coordinators.</summary>
    public Task RecordUnansweredAsync(UnansweredQuestion question, CancellationToken cancellationToken) =>
        RecordUnansweredAsync([question], cancellationToken);

    /// <summary>Keeps questions the bot could not answer, in one write.</summary>
    public async Task RecordUnansweredAsync(IReadOnlyList<UnansweredQuestion> questions, CancellationToken cancellationToken)
    {
        if (questions.Count == 0)
            return;
        await using var db = database.Open();
        db.UnansweredQuestions.AddRange(questions);
        using (await database.WriteGate.EnterAsync(cancellationToken))
            await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Questions the bot could not answer, newest first.</summary>
    public async Task<IReadOnlyList<UnansweredQuestion>> UnansweredAsync(bool includeResolved, int take, CancellationToken cancellationToken)
    {
        await using var db = database.Open();
        var query = db.UnansweredQuestions.AsNoTracking();
        if (!includeResolved)
            query = query.Where(q => !q.Resolved);
        return await query.OrderByDescending(q => q.AskedAt).ThenByDescending(q => q.Id).Take(take).ToListAsync(cancellationToken);
    }

    /// <summary>Keeps a student's thumbs up or down on an answer.</summary>
    public async Task RecordFeedbackAsync(AnswerFeedback feedback, CancellationToken cancellationToken)
    {
        await using var db = database.Open();
        db.AnswerFeedback.Add(feedback);
        using (await database.WriteGate.EnterAsync(cancellationToken))
            await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Feedback per entry, the entries with the most unhelpful answers first, each with its latest unhelpful questions.</summary>
    public async Task<IReadOnlyList<FeedbackSummary>> FeedbackAsync(int take, CancellationToken cancellationToken)
    {
        const int questionsPerEntry = 5;
        await using var db = database.Open();
        var counts = await db.AnswerFeedback.AsNoTracking()
            .GroupBy(f => f.Slug)
            .Select(g => new { Slug = g.Key, Helpful = g.Count(f => f.Helpful), NotHelpful = g.Count(f => !f.Helpful), LastAt = g.Max(f => f.At) })
            .OrderByDescending(c => c.NotHelpful).ThenByDescending(c => c.LastAt).ThenBy(c => c.Slug)
            .Take(take)
            .ToListAsync(cancellationToken);
        var slugs = counts.Where(c => c.NotHelpful > 0).Select(c => c.Slug).ToList();
        var questions = await db.AnswerFeedback.AsNoTracking()
            .Where(f => !f.Helpful && slugs.Contains(f.Slug))
            .GroupBy(f => f.Slug)
            .Select(g => new
            {
                Slug = g.Key,
                Latest = g.OrderByDescending(f => f.At).ThenByDescending(f => f.Id).Take(questionsPerEntry)
                    .Select(f => new FeedbackQuestion(f.Question, f.Language, f.Town, f.At)).ToList(),
            })
            .ToDictionaryAsync(q => q.Slug, q => q.Latest, StringComparer.Ordinal, cancellationToken);
        return counts.Select(c => new FeedbackSummary(c.Slug, c.Helpful, c.NotHelpful, c.LastAt, questions.GetValueOrDefault(c.Slug) ?? [])).ToList();
    }

    public async Task<IReadOnlyList<EntryDocument>> ExportAsync(EntryFilter filter, CancellationToken cancellationToken)
    {
        var slugs = (await ListAsync(filter, cancellationToken)).Select(s => s.Slug).ToHashSet(StringComparer.Ordinal);
        await using var db = database.Open();
        var entries = await db.Entries.AsNoTracking().ToListAsync(cancellationToken);
        return entries.Where(e => slugs.Contains(e.Slug)).OrderBy(e => e.Slug, StringComparer.Ordinal).Select(EntryDocument.From).ToList();
    }

    /// <summary>
    /// Creates new entries and updates changed ones; unchanged entries are left alone. Each entry is
    /// validated on its own, so one bad row does not stop the others; the report says what happened to each.
    /// </summary>
    public async Task<ImportReport> ImportAsync(IReadOnlyList<EntryDocument> documents, IReadOnlyList<ExchangeProblem> readProblems, Editor editor, CancellationToken cancellationToken)
    {
        var lines = readProblems.Select(p => new ImportLine(p.Item, p.Slug, "rejected", [p.Line is { } line ? $"line {line}: {p.Message}" : p.Message])).ToList();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var item = 0;
        foreach (var document in documents)
        {
            item++;
            var entry = document.ToEntity();
            if (!seen.Add(entry.Slug))
            {
                lines.Add(new ImportLine(item, entry.Slug, "rejected", ["The same slug appears twice in the file."]));
                continue;
            }
            var existing = await GetAsync(entry.Slug, cancellationToken);
            EditResult result;
            if (existing is null)
            {
                result = await CreateAsync(entry, editor, cancellationToken);
                lines.Add(Line(item, entry.Slug, result, "created"));
                continue;
            }
            if (Diff(EntryDocument.From(existing), document with { Slug = entry.Slug }).Count == 0)
            {
                lines.Add(new ImportLine(item, entry.Slug, "unchanged", []));
                continue;
            }
            result = await ChangeAsync(entry.Slug, existing.Version, editor, "imported", target =>
            {
                if (!editor.MayEdit(target.Towns) || !editor.MayEdit(entry.Towns))
                    return ForbiddenProblem(editor);
                Copy(entry, target);
                return null;
            }, cancellationToken);
            lines.Add(Line(item, entry.Slug, result, "updated"));
        }
        return new ImportReport(lines);
    }

    /// <summary>
    /// Loads the seed content into an empty knowledge base in one transaction. Anything wrong in it
    /// stops the start with the file, the line and the reason: seed content is ours to fix.
    /// </summary>
    public async Task<int> SeedAsync(IReadOnlyList<EntryDocument> documents, IReadOnlyList<string> problems, CancellationToken cancellationToken)
    {
        var entries = documents.Select(d => d.ToEntity()).ToList();
        var invalid = entries
            .Select(e => (e.Slug, Problems: EntryValidator.Validate(e)))
            .Where(e => e.Problems.Count > 0)
            .Select(e => $"{e.Slug}: {string.Join("; ", e.Problems.Select(p => $"{p.Field}: {p.Message}"))}")
            .Concat(entries.GroupBy(e => e.Slug).Where(g => g.Count() > 1).Select(g => $"{g.Key}: the slug appears {g.Count()} times"))
            .ToList();
        if (problems.Count > 0 || invalid.Count > 0)
            throw new InvalidOperationException("The seed content (KokkaBot.Knowledge/Content) has errors:\n" + string.Join("\n", problems.Concat(invalid)));

        await using var db = database.Open();
        if (await db.Entries.AnyAsync(cancellationToken))
            return 0;
        var now = clock.GetUtcNow().UtcDateTime;
        var editor = Editor.System("seed");
        using (await database.WriteGate.EnterAsync(cancellationToken))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            foreach (var entry in entries)
            {
                entry.CreatedAt = now;
                entry.UpdatedAt = now;
                entry.UpdatedBy = editor.Name;
            }
            db.Entries.AddRange(entries);
            await db.SaveChangesAsync(cancellationToken);
            db.Revisions.AddRange(entries.Select(e => new EntryRevision
            {
                EntryId = e.Id,
                Slug = e.Slug,
                Version = e.Version,
                Change = "imported",
                Snapshot = JsonSerializer.Serialize(EntryDocument.From(e), SnapshotJson),
                ChangedBy = editor.Name,
                ChangedAt = now,
            }));
            db.Audit.Add(new AuditRecord { At = now, Actor = editor.Name, Action = "seeded", Detail = $"{entries.Count} entries from the seed content" });
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        return entries.Count;
    }

    private async Task<EditResult> SetStatusAsync(string slug, EntryStatus status, string change, int expectedVersion, Editor editor, CancellationToken cancellationToken) =>
        await ChangeAsync(slug, expectedVersion, editor, change, entry =>
        {
            if (!editor.MayEdit(entry.Towns))
                return ForbiddenProblem(editor);
            entry.Status = status;
            return null;
        }, cancellationToken);

    /// <summary>Loads, checks the version and the scope, applies the change, validates and saves.</summary>
    private async Task<EditResult> ChangeAsync(string slug, int expectedVersion, Editor editor, string change, Func<KnowledgeEntry, EntryProblem?> apply, CancellationToken cancellationToken)
    {
        await using var db = database.Open();
        var entry = await db.Entries.FirstOrDefaultAsync(e => e.Slug == slug, cancellationToken);
        if (entry is null)
            return EditResult.NotFound(slug);
        if (!editor.MayEdit(entry.Towns))
            return Forbidden(editor);
        if (entry.Version != expectedVersion)
            return Conflict(entry);

        var previousSlug = entry.Slug;
        if (apply(entry) is { } refused)
            return new EditResult(EditOutcome.Forbidden, entry, [refused], refused.Message);
        var problems = EntryValidator.Validate(entry);
        if (previousSlug != entry.Slug && await db.Entries.AnyAsync(e => e.Slug == entry.Slug && e.Id != entry.Id, cancellationToken))
            problems = [.. problems, new EntryProblem("slug", $"An entry '{entry.Slug}' exists already: choose another slug.")];
        if (problems.Count > 0)
            return new EditResult(EditOutcome.Invalid, entry, problems, "The entry was not saved.");

        entry.Version++;
        entry.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        entry.UpdatedBy = editor.Name;
        try
        {
            await SaveAsync(db, entry, change, editor, cancellationToken, previousSlug);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Saved by someone else between our check and our write.
            return Conflict(await GetAsync(previousSlug, cancellationToken) ?? entry);
        }
        return new EditResult(EditOutcome.Saved, entry);
    }

    private async Task SaveAsync(KnowledgeDbContext db, KnowledgeEntry entry, string change, Editor editor, CancellationToken cancellationToken, string? previousSlug = null)
    {
        using (await database.WriteGate.EnterAsync(cancellationToken))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            db.Revisions.Add(new EntryRevision
            {
                EntryId = entry.Id,
                Slug = entry.Slug,
                Version = entry.Version,
                Change = change,
                Snapshot = JsonSerializer.Serialize(EntryDocument.From(entry), SnapshotJson),
                ChangedBy = editor.Name,
                ChangedAt = entry.UpdatedAt,
            });
            db.Audit.Add(new AuditRecord
            {
                At = entry.UpdatedAt,
                Actor = editor.Name,
                Action = change,
                Slug = entry.Slug,
                Detail = previousSlug is not null && previousSlug != entry.Slug ? $"renamed from {previousSlug}" : $"version {entry.Version}",
            });
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        index.Upsert(entry, previousSlug);
    }

    /// <summary>
    /// Copies content into a tracked entry in place (owned values field by field, texts by language),
    /// so that EF updates rows instead of deleting and re-adding them.
    /// </summary>
    private static void Copy(KnowledgeEntry from, KnowledgeEntry to)
    {
        to.Kind = from.Kind;
        to.Category = from.Category;
        to.Towns = from.Towns.ToList();
        to.Status = from.Status;
        to.Owner = from.Owner;
        to.Verified = from.Verified;
        to.ReviewDue = from.ReviewDue;

        to.Contact.Address = from.Contact.Address;
        to.Contact.Phone = from.Contact.Phone;
        to.Contact.Email = from.Contact.Email;
        to.Contact.Url = from.Contact.Url;
        to.Contact.OpeningHours = from.Contact.OpeningHours;
        to.Contact.Latitude = from.Contact.Latitude;
        to.Contact.Longitude = from.Contact.Longitude;

        to.Source.Name = from.Source.Name;
        to.Source.Url = from.Source.Url;
        to.Source.Date = from.Source.Date;
        to.Source.NeedsCheck = from.Source.NeedsCheck;
        to.Source.Facts = from.Source.Facts.ToList();

        if (from.Kind != EntryKind.Employer || from.Employer is null)
        {
            to.Employer = null;
        }
        else
        {
            to.Employer ??= new EmployerInfo();
            to.Employer.Sector = from.Employer.Sector;
            to.Employer.Size = from.Employer.Size;
            to.Employer.WorkingLanguages = from.Employer.WorkingLanguages.ToList();
            to.Employer.CareersUrl = from.Employer.CareersUrl;
            to.Employer.TakesInterns = from.Employer.TakesInterns;
            to.Employer.TakesThesisWorkers = from.Employer.TakesThesisWorkers;
            to.Employer.TakesSummerWorkers = from.Employer.TakesSummerWorkers;
        }

        to.Texts.RemoveAll(t => from.Text(t.Language) is null);
        foreach (var text in from.Texts)
        {
            var target = to.Text(text.Language);
            if (target is null)
            {
                target = new EntryText { Language = text.Language };
                to.Texts.Add(target);
            }
            target.Title = text.Title;
            target.Summary = text.Summary;
            target.Body = text.Body;
            target.Keywords = text.Keywords.ToList();
        }
    }

    private static EditResult Conflict(KnowledgeEntry current) => new(
        EditOutcome.Conflict, current, null,
        $"{current.UpdatedBy} saved this entry (version {current.Version}) after you opened it. Your changes were not saved: compare them with the current version and save again.");

    private static EditResult Forbidden(Editor editor) => new(EditOutcome.Forbidden, null, null, ForbiddenProblem(editor).Message);

    private static EntryProblem ForbiddenProblem(Editor editor) => new(
        "towns",
        $"You edit entries of {string.Join(", ", editor.Towns ?? [])} only; national entries and other towns' entries are edited by their own coordinators.");

    private static ImportLine Line(int item, string slug, EditResult result, string success) => result.Outcome == EditOutcome.Saved
        ? new ImportLine(item, slug, success, [])
        : new ImportLine(item, slug, "rejected", result.Problems?.Select(p => $"{p.Field}: {p.Message}").ToList() ?? [result.Message ?? result.Outcome.ToString()]);

    private static EntrySummary Summarize(KnowledgeEntry e) => new(
        e.Slug,
        e.Text("en")?.Title ?? e.Text("fi")?.Title ?? e.Slug,
        e.Kind, e.Category, e.Towns, e.Status, e.ReviewDue,
        Vocabulary.Languages.Where(l => e.Text(l) is not { IsComplete: true }).ToList(),
        e.Owner, e.Version, e.UpdatedAt, e.UpdatedBy);

    private static Dictionary<string, string?> Flatten(EntryDocument d)
    {
        var fields = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["slug"] = d.Slug,
            ["kind"] = d.Kind,
            ["category"] = d.Category,
            ["towns"] = string.Join(", ", d.Towns),
            ["status"] = d.Status,
            ["owner"] = d.Owner,
            ["source.name"] = d.Source.Name,
            ["source.url"] = d.Source.Url,
            ["source.date"] = d.Source.Date,
            ["source.check"] = d.Source.Check ? "yes" : "no",
            ["source.facts"] = string.Join(", ", d.Source.Facts),
            ["verified"] = d.Verified?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["reviewDue"] = d.ReviewDue?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["contact.address"] = d.Contact?.Address,
            ["contact.phone"] = d.Contact?.Phone,
            ["contact.email"] = d.Contact?.Email,
            ["contact.url"] = d.Contact?.Url,
            ["contact.hours"] = d.Contact?.Hours,
            ["employer.sector"] = d.Employer?.Sector,
            ["employer.size"] = d.Employer?.Size,
            ["employer.careersUrl"] = d.Employer?.CareersUrl,
        };
        foreach (var (language, text) in d.Content)
        {
            fields[$"content.{language}.title"] = text.Title;
            fields[$"content.{language}.summary"] = text.Summary;
            fields[$"content.{language}.body"] = text.Body;
            fields[$"content.{language}.keywords"] = string.Join(", ", text.Keywords);
        }
        return fields;
    }
}
