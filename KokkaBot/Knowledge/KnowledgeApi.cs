using System.Globalization;
using System.Text;
using KokkaBot.Channels.Connector;
using KokkaBot.Knowledge.Editing;
using KokkaBot.Knowledge.Exchange;
using KokkaBot.Knowledge.Model;
using KokkaBot.Knowledge.Search;
using KokkaBot.Knowledge.Storage;
using KokkaBot.Staff;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace KokkaBot.Knowledge;

/// <summary>An entry with the version a later save must name (also sent as the ETag).</summary>
public sealed record EntryResponse(int Version, string UpdatedBy, DateTime UpdatedAt, EntryDocument Entry);

public sealed record SearchHitResponse(string Slug, string? Title, double Score, double Coverage, string? Snippet, IReadOnlyList<string> Why);

public sealed record SearchResponse(string Verdict, IReadOnlyList<SearchHitResponse> Hits);

/// <summary>
/// <c>/api/knowledge</c>: the knowledge base for coordinators and integrations, with the same rules
/// as the editor (staff sign-in; coordinators edit, advisors read; town scopes; a stale save is
/// refused with 409). Saves name the version they start from in <c>If-Match</c>.
/// </summary>
public static class KnowledgeApi
{
    private const int MaxImportBytes = 10 * 1024 * 1024;

    public static IEndpointRouteBuilder MapKnowledgeApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/knowledge").WithTags("Knowledge base").RequireAuthorization(StaffPolicies.ReadKnowledge).DisableAntiforgery();

        api.MapGet("/entries", ListAsync).WithName("ListEntries").WithSummary("Entries, filtered (kind, category, town, status, missing language, overdue, text).");
        api.MapGet("/entries/{slug}", GetAsync).WithName("GetEntry");
        api.MapGet("/search", Search).WithName("SearchEntries").WithSummary("Searches as the bot does, with the reasons of each match.");
        api.MapGet("/entries/{slug}/history", HistoryAsync).WithName("EntryHistory");
        api.MapGet("/entries/{slug}/history/{version:int}", VersionAsync).WithName("EntryVersion");
        api.MapGet("/entries/{slug}/diff", DiffAsync).WithName("EntryDiff");
        api.MapGet("/export", ExportAsync).WithName("ExportEntries").WithSummary("The entries as YAML (default) or CSV, lossless.");
        api.MapGet("/audit", AuditAsync).WithName("AuditLog");
        api.MapGet("/review-overdue", OverdueAsync).WithName("ReviewOverdue");
        api.MapGet("/links", async (KnowledgeEditor editor, CancellationToken ct) => TypedResults.Ok(await editor.LinkChecksAsync(ct)))
            .WithName("LinkChecks").WithSummary("The latest check of every link of the published entries, failing ones first.");
        api.MapGet("/unanswered", async (KnowledgeEditor editor, bool? all, int? take, CancellationToken ct) =>
            TypedResults.Ok(await editor.UnansweredAsync(all == true, Math.Clamp(take ?? 200, 1, 1000), ct))).WithName("UnansweredQuestions");
        api.MapGet("/feedback", async (KnowledgeEditor editor, int? take, CancellationToken ct) =>
            TypedResults.Ok(await editor.FeedbackAsync(Math.Clamp(take ?? 200, 1, 1000), ct)))
            .WithName("AnswerFeedback").WithSummary("Students' thumbs up and down per entry, the entries with the most unhelpful answers first.");

        var edit = api.MapGroup("").RequireAuthorization(StaffPolicies.EditKnowledge);
        edit.MapPost("/entries", CreateAsync).WithName("CreateEntry");
        edit.MapPut("/entries/{slug}", UpdateAsync).WithName("UpdateEntry");
        edit.MapPost("/entries/{slug}/publish", (string slug, HttpContext http, KnowledgeEditor editor, CancellationToken ct) =>
            StatusAsync(slug, http, (v, e) => editor.PublishAsync(slug, v, e, ct))).WithName("PublishEntry");
        edit.MapPost("/entries/{slug}/unpublish", (string slug, HttpContext http, KnowledgeEditor editor, CancellationToken ct) =>
            StatusAsync(slug, http, (v, e) => editor.UnpublishAsync(slug, v, e, ct))).WithName("UnpublishEntry");
        edit.MapPost("/entries/{slug}/archive", (string slug, HttpContext http, KnowledgeEditor editor, CancellationToken ct) =>
            StatusAsync(slug, http, (v, e) => editor.ArchiveAsync(slug, v, e, ct))).WithName("ArchiveEntry");
        edit.MapPost("/entries/{slug}/rollback/{version:int}", (string slug, int version, HttpContext http, KnowledgeEditor editor, CancellationToken ct) =>
            StatusAsync(slug, http, (v, e) => editor.RollbackAsync(slug, version, v, e, ct))).WithName("RollbackEntry");
        edit.MapPost("/links/check", (LinkChecker checker, IHostApplicationLifetime lifetime) =>
        {
            // A check takes minutes: it runs in the background; the results appear in GET /links.
            _ = Task.Run(() => checker.CheckAllAsync(lifetime.ApplicationStopping));
            return TypedResults.Accepted("/api/knowledge/links");
        }).WithName("CheckLinksNow");
        edit.MapPost("/import", ImportAsync).WithName("ImportEntries").WithSummary("Imports YAML or CSV (format=yaml|csv); reports what was created, updated, unchanged or rejected and why.");
        return app;
    }

    private static async Task<Ok<IReadOnlyList<EntrySummary>>> ListAsync(
        KnowledgeEditor editor, EntryKind? kind, string? category, string? town, EntryStatus? status, string? missing, bool? overdue, string? q, CancellationToken ct) =>
        TypedResults.Ok(await editor.ListAsync(new EntryFilter
        {
            Kind = kind, Category = category, Town = town, Status = status, MissingLanguage = missing, OverdueOnly = overdue == true, Text = q,
        }, ct));

    private static async Task<Results<Ok<EntryResponse>, NotFound<ProblemDetails>>> GetAsync(string slug, KnowledgeEditor editor, HttpContext http, CancellationToken ct)
    {
        var entry = await editor.GetAsync(slug, ct);
        if (entry is null)
            return NotFound(slug);
        http.Response.Headers.ETag = ETag(entry.Version);
        return TypedResults.Ok(Response(entry));
    }

    private static Ok<SearchResponse> Search(KnowledgeIndex index, string q, string? lang, string? town, EntryKind? kind, string? category, bool? all)
    {
        var result = index.Search(new SearchRequest(q ?? "", lang ?? "en", town) { Kind = kind, Category = category, IncludeUnpublished = all == true, Explain = true, Max = 10 });
        return TypedResults.Ok(new SearchResponse(result.Verdict.ToString().ToLowerInvariant(),
            result.Hits.Select(h => new SearchHitResponse(h.Slug, index.Find(h.Slug)?.Text(lang ?? "en")?.Title ?? index.Find(h.Slug)?.Text("en")?.Title, h.Score, h.Coverage, h.Snippet, h.Why)).ToList()));
    }

    private static async Task<Results<Created<EntryResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(EntryDocument document, KnowledgeEditor editor, HttpContext http, CancellationToken ct)
    {
        var result = await editor.CreateAsync(document.ToEntity(), http.User.ToEditor(), ct);
        return result.Outcome switch
        {
            EditOutcome.Saved => TypedResults.Created($"/api/knowledge/entries/{result.Entry!.Slug}", Response(result.Entry)),
            EditOutcome.Invalid => Invalid(result),
            _ => Problem(result),
        };
    }

    private static async Task<IResult> UpdateAsync(string slug, EntryDocument document, KnowledgeEditor editor, HttpContext http, CancellationToken ct)
    {
        if (ExpectedVersion(http) is not { } version)
            return VersionRequired();
        var changes = document.ToEntity();
        if (string.IsNullOrEmpty(document.Slug))
            changes.Slug = slug;
        return Outcome(await editor.UpdateAsync(slug, changes, version, http.User.ToEditor(), ct), http);
    }

    private static async Task<IResult> StatusAsync(string slug, HttpContext http, Func<int, Editor, Task<EditResult>> change)
    {
        if (ExpectedVersion(http) is not { } version)
            return VersionRequired();
        return Outcome(await change(version, http.User.ToEditor()), http);
    }

    private static async Task<Results<Ok<IReadOnlyList<RevisionSummary>>, NotFound<ProblemDetails>>> HistoryAsync(string slug, KnowledgeEditor editor, CancellationToken ct)
    {
        var history = await editor.HistoryAsync(slug, ct);
        return history.Count == 0 ? NotFound(slug) : TypedResults.Ok(history);
    }

    private static async Task<Results<Ok<EntryDocument>, NotFound<ProblemDetails>>> VersionAsync(string slug, int version, KnowledgeEditor editor, CancellationToken ct) =>
        await editor.SnapshotAsync(slug, version, ct) is { } snapshot ? TypedResults.Ok(snapshot) : NotFound(slug);

    private static async Task<Results<Ok<IReadOnlyList<FieldChange>>, NotFound<ProblemDetails>>> DiffAsync(string slug, int from, int to, KnowledgeEditor editor, CancellationToken ct) =>
        await editor.DiffAsync(slug, from, to, ct) is { } diff ? TypedResults.Ok(diff) : NotFound(slug);

    private static async Task<IResult> ExportAsync(KnowledgeEditor editor, string? format, EntryKind? kind, string? category, string? town, EntryStatus? status, CancellationToken ct)
    {
        var documents = await editor.ExportAsync(new EntryFilter { Kind = kind, Category = category, Town = town, Status = status }, ct);
        var stamp = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return format?.ToLowerInvariant() == "csv"
            ? TypedResults.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(KnowledgeCsv.Write(documents))).ToArray(), "text/csv; charset=utf-8", $"kokkabot-knowledge-{stamp}.csv")
            : TypedResults.File(Encoding.UTF8.GetBytes(KnowledgeYaml.Write(documents)), "application/yaml; charset=utf-8", $"kokkabot-knowledge-{stamp}.yaml");
    }

    private static async Task<Results<Ok<ImportReport>, ProblemHttpResult>> ImportAsync(HttpRequest request, string? format, KnowledgeEditor editor, CancellationToken ct)
    {
        var body = await ActivityReader.ReadBodyAsync(request, MaxImportBytes, ct);
        if (body is null)
            return TypedResults.Problem($"An import may be at most {MaxImportBytes / 1024 / 1024} MB.", statusCode: StatusCodes.Status413PayloadTooLarge);
        var text = Encoding.UTF8.GetString(body).TrimStart('\uFEFF');
        var csv = format?.ToLowerInvariant() == "csv" || (format is null && request.ContentType?.Contains("csv", StringComparison.OrdinalIgnoreCase) == true);
        var (documents, problems) = csv ? KnowledgeCsv.Read(text) : KnowledgeYaml.Read(new StringReader(text));
        return TypedResults.Ok(await editor.ImportAsync(documents, problems, request.HttpContext.User.ToEditor(), ct));
    }

    private static async Task<Ok<IReadOnlyList<AuditRecord>>> AuditAsync(KnowledgeEditor editor, int? take, CancellationToken ct) =>
        TypedResults.Ok(await editor.AuditAsync(Math.Clamp(take ?? 100, 1, 1000), ct));

    private static async Task<Ok<IReadOnlyList<EntrySummary>>> OverdueAsync(KnowledgeEditor editor, CancellationToken ct) =>
        TypedResults.Ok(await editor.ListAsync(new EntryFilter { OverdueOnly = true }, ct));

    private static IResult Outcome(EditResult result, HttpContext http)
    {
        switch (result.Outcome)
        {
            case EditOutcome.Saved:
                http.Response.Headers.ETag = ETag(result.Entry!.Version);
                return TypedResults.Ok(Response(result.Entry));
            case EditOutcome.Invalid:
                return Invalid(result);
            case EditOutcome.Conflict:
                http.Response.Headers.ETag = ETag(result.Entry!.Version);
                return TypedResults.Problem(result.Message, statusCode: StatusCodes.Status409Conflict, title: "Changed by someone else",
                    extensions: new Dictionary<string, object?> { ["current"] = Response(result.Entry) });
            default:
                return Problem(result);
        }
    }

    private static ValidationProblem Invalid(EditResult result) => TypedResults.ValidationProblem(
        result.Problems!.GroupBy(p => p.Field).ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray()),
        detail: result.Message, title: "The entry is not valid");

    private static ProblemHttpResult Problem(EditResult result) => TypedResults.Problem(result.Message, statusCode: result.Outcome switch
    {
        EditOutcome.NotFound => StatusCodes.Status404NotFound,
        EditOutcome.Forbidden => StatusCodes.Status403Forbidden,
        EditOutcome.Conflict => StatusCodes.Status409Conflict,
        _ => StatusCodes.Status400BadRequest,
    });

    private static NotFound<ProblemDetails> NotFound(string slug) =>
        TypedResults.NotFound(new ProblemDetails { Title = "Not found", Detail = $"There is no entry '{slug}'.", Status = StatusCodes.Status404NotFound });

    private static ProblemHttpResult VersionRequired() => TypedResults.Problem(
        "Send the version you edited in If-Match (the ETag of GET /api/knowledge/entries/{slug}), so that a save never overwrites someone else's.",
        statusCode: StatusCodes.Status428PreconditionRequired, title: "Version required");

    private static int? ExpectedVersion(HttpContext http)
    {
        var header = http.Request.Headers.IfMatch.ToString().Trim().Trim('"');
        return int.TryParse(header, NumberStyles.None, CultureInfo.InvariantCulture, out var version) ? version : null;
    }

    private static string ETag(int version) => $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";

    private static EntryResponse Response(KnowledgeEntry entry) => new(entry.Version, entry.UpdatedBy, entry.UpdatedAt, EntryDocument.From(entry));
}
