using KokkaBot.Knowledge.Editing;
using KokkaBot.Knowledge.Exchange;
using KokkaBot.Knowledge.Model;
using KokkaBot.Knowledge.Search;
using KokkaBot.Tests.Support;

namespace KokkaBot.Tests.Knowledge;

/// <summary>The editor on the embedded SQLite file.</summary>
public sealed class KnowledgeEditorTests() : KnowledgeEditorContract("sqlite");

/// <summary>The same contract on PostgreSQL (the server .ci/run starts; skipped, visibly, elsewhere).</summary>
public sealed class KnowledgeEditorOnPostgresTests() : KnowledgeEditorContract("postgres");

/// <summary>Editing the knowledge base: validation, publishing into search at once, concurrency, history and rollback, town scopes.</summary>
public abstract class KnowledgeEditorContract(string provider) : IDisposable
{
    private readonly KnowledgeTestBase _kb = new(provider);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        _kb.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task An_entry_is_searchable_the_moment_it_is_published_and_gone_the_moment_it_is_archived()
    {
        var created = await _kb.Editor.CreateAsync(KnowledgeTestBase.Entry("kotka-library-card", towns: "kotka"), KnowledgeTestBase.Coordinator, Ct);
        Assert.Equal(EditOutcome.Saved, created.Outcome);
        Assert.Empty(Search("library card"));

        var published = await _kb.Editor.PublishAsync("kotka-library-card", created.Entry!.Version, KnowledgeTestBase.Coordinator, Ct);
        Assert.Equal(EditOutcome.Saved, published.Outcome);
        Assert.Equal("kotka-library-card", Assert.Single(Search("library card")));

        await _kb.Editor.ArchiveAsync("kotka-library-card", published.Entry!.Version, KnowledgeTestBase.Coordinator, Ct);
        Assert.Empty(Search("library card"));
    }

    [Fact]
    public async Task Invalid_entries_are_refused_with_the_field_and_what_to_do()
    {
        var entry = KnowledgeTestBase.Entry("Bad Slug!");
        entry.Contact.Url = "kyyti.finna.fi";
        entry.Contact.Email = "not-an-address";
        entry.Contact.Phone = "call me";
        entry.Towns = ["helsinki"];
        entry.Texts.RemoveAll(t => t.Language == "fi");
        entry.Text("en")!.Summary = new string('x', 300);

        var result = await _kb.Editor.CreateAsync(entry, KnowledgeTestBase.Coordinator, Ct);

        Assert.Equal(EditOutcome.Invalid, result.Outcome);
        Assert.Equal(
            ["contact.email", "contact.phone", "contact.url", "content.en.summary", "content.fi", "slug", "towns"],
            result.Problems!.Select(p => p.Field).Order(StringComparer.Ordinal));
        Assert.Contains(result.Problems!, p => p.Message.Contains("https://", StringComparison.Ordinal));
        Assert.Equal(0, await _kb.Editor.CountAsync(Ct));
    }

    [Fact]
    public async Task A_stale_save_is_refused_with_a_clear_message_and_nothing_of_the_first_save_is_lost()
    {
        var created = (await _kb.Editor.CreateAsync(KnowledgeTestBase.Entry("library"), KnowledgeTestBase.Coordinator, Ct)).Entry!;
        // Two coordinators opened version 1.
        var anna = await _kb.Editor.GetAsync("library", Ct);
        var ben = await _kb.Editor.GetAsync("library", Ct);
        anna!.Text("en")!.Body = "Anna's better text.";
        ben!.Text("en")!.Body = "Ben's text.";

        var first = await _kb.Editor.UpdateAsync("library", anna, created.Version, new Editor("anna@example.fi"), Ct);
        var second = await _kb.Editor.UpdateAsync("library", ben, created.Version, new Editor("ben@example.fi"), Ct);

        Assert.Equal(EditOutcome.Saved, first.Outcome);
        Assert.Equal(EditOutcome.Conflict, second.Outcome);
        Assert.Contains("anna@example.fi", second.Message);
        Assert.Equal(2, second.Entry!.Version);
        Assert.Equal("Anna's better text.", (await _kb.Editor.GetAsync("library", Ct))!.Text("en")!.Body);
    }

    [Fact]
    public async Task History_shows_every_version_the_diff_names_the_fields_and_a_rollback_restores_an_old_version()
    {
        var entry = (await _kb.Editor.CreateAsync(KnowledgeTestBase.Entry("library"), KnowledgeTestBase.Coordinator, Ct)).Entry!;
        var edited = await _kb.Editor.GetAsync("library", Ct);
        edited!.Text("fi")!.Title = "Kirjastokortti ja lainaus";
        edited.Contact.Phone = "+358 5 234 4171";
        var v2 = (await _kb.Editor.UpdateAsync("library", edited, entry.Version, KnowledgeTestBase.Coordinator, Ct)).Entry!;
        var v3 = (await _kb.Editor.PublishAsync("library", v2.Version, new Editor("lead@example.fi"), Ct)).Entry!;

        var history = await _kb.Editor.HistoryAsync("library", Ct);
        Assert.Equal([(3, "published", "lead@example.fi"), (2, "updated", "coordinator@example.fi"), (1, "created", "coordinator@example.fi")],
            history.Select(h => (h.Version, h.Change, h.ChangedBy)));

        var diff = await _kb.Editor.DiffAsync("library", 1, 2, Ct);
        Assert.Equal(["contact.phone", "content.fi.title"], diff!.Select(d => d.Field));
        Assert.Equal(("Kirjastokortti", "Kirjastokortti ja lainaus"), (diff![1].Before, diff[1].After));

        var rolledBack = await _kb.Editor.RollbackAsync("library", 1, v3.Version, KnowledgeTestBase.Coordinator, Ct);
        Assert.Equal(EditOutcome.Saved, rolledBack.Outcome);
        var now = await _kb.Editor.GetAsync("library", Ct);
        Assert.Equal((4, "Kirjastokortti", "05 234 4171", EntryStatus.Draft), (now!.Version, now.Text("fi")!.Title, now.Contact.Phone, now.Status));
        Assert.Equal("rolled-back to 1", (await _kb.Editor.HistoryAsync("library", Ct))[0].Change);
        Assert.Contains(await _kb.Editor.AuditAsync(10, Ct), a => a.Action == "rolled-back to 1" && a.Slug == "library");
    }

    [Fact]
    public async Task A_coordinator_limited_to_towns_edits_only_those_towns_and_no_national_entry()
    {
        var kotkaCoordinator = new Editor("kotka@example.fi", ["kotka", "hamina"]);
        await _kb.Editor.CreateAsync(KnowledgeTestBase.Entry("national-entry"), KnowledgeTestBase.Coordinator, Ct);
        await _kb.Editor.CreateAsync(KnowledgeTestBase.Entry("imatra-entry", towns: "imatra"), KnowledgeTestBase.Coordinator, Ct);

        Assert.Equal(EditOutcome.Saved, (await _kb.Editor.CreateAsync(KnowledgeTestBase.Entry("kotka-entry", towns: "kotka"), kotkaCoordinator, Ct)).Outcome);
        Assert.Equal(EditOutcome.Forbidden, (await _kb.Editor.CreateAsync(KnowledgeTestBase.Entry("another-national"), kotkaCoordinator, Ct)).Outcome);
        Assert.Equal(EditOutcome.Forbidden, (await _kb.Editor.PublishAsync("national-entry", 1, kotkaCoordinator, Ct)).Outcome);
        Assert.Equal(EditOutcome.Forbidden, (await _kb.Editor.PublishAsync("imatra-entry", 1, kotkaCoordinator, Ct)).Outcome);

        // Moving one's own entry to a town outside the scope is refused too.
        var own = await _kb.Editor.GetAsync("kotka-entry", Ct);
        own!.Towns = ["kotka", "lappeenranta"];
        var moved = await _kb.Editor.UpdateAsync("kotka-entry", own, own.Version, kotkaCoordinator, Ct);
        Assert.Equal(EditOutcome.Forbidden, moved.Outcome);
        Assert.Contains("kotka, hamina", moved.Message);
    }

    [Fact]
    public async Task Export_then_import_as_yaml_and_as_csv_is_lossless()
    {
        var employer = KnowledgeTestBase.Entry("employer-port", "Port of HaminaKotka", "HaminaKotkan satama", "kotka", "hamina");
        employer.Kind = EntryKind.Employer;
        employer.Category = "employment";
        employer.Employer = new EmployerInfo { Sector = "Port; logistics", Size = "large, \"universal\" port", WorkingLanguages = ["fi", "en"], TakesInterns = true };
        employer.Contact.OpeningHours = "Mon–Fri 8–16";
        employer.Contact.Latitude = 60.4666;
        employer.Contact.Longitude = 26.9458;
        employer.Texts.Add(new EntryText { Language = "ar", Keywords = ["ميناء", "عمل"] });
        employer.Text("fi")!.Body = "Rivi yksi.\n\nRivi kaksi, jossa \"lainaus\" ja pilkku,\n- lista";
        await _kb.Editor.CreateAsync(employer, KnowledgeTestBase.Coordinator, Ct);
        await _kb.Editor.CreateAsync(KnowledgeTestBase.Entry("library"), KnowledgeTestBase.Coordinator, Ct);
        var exported = await _kb.Editor.ExportAsync(new EntryFilter(), Ct);

        var (fromYaml, yamlProblems) = KnowledgeYaml.Read(new StringReader(KnowledgeYaml.Write(exported)));
        var (fromCsv, csvProblems) = KnowledgeCsv.Read(KnowledgeCsv.Write(exported));

        Assert.Empty(yamlProblems);
        Assert.Empty(csvProblems);
        foreach (var copy in new[] { fromYaml, fromCsv })
        {
            Assert.Equal(exported.Count, copy.Count);
            for (var i = 0; i < exported.Count; i++)
                Assert.Empty(KnowledgeEditor.Diff(exported[i], copy[i]));
        }
        var report = await _kb.Editor.ImportAsync(fromCsv, [], KnowledgeTestBase.Coordinator, Ct);
        Assert.Equal(2, report.Unchanged);
    }

    [Fact]
    public async Task An_import_reports_what_it_created_updated_left_and_rejected_and_why()
    {
        await _kb.Editor.CreateAsync(KnowledgeTestBase.Entry("library"), KnowledgeTestBase.Coordinator, Ct);
        var changed = EntryDocument.From(KnowledgeTestBase.Entry("library", "Library card and loans"));
        var fresh = EntryDocument.From(KnowledgeTestBase.Entry("kotka-library", towns: "kotka"));
        var broken = EntryDocument.From(KnowledgeTestBase.Entry("broken")) with { Category = "nonsense" };
        var yaml = KnowledgeYaml.Write([changed, fresh, broken]) + "- slug: bad-date\n  verified: 27.11.2026\n";

        var (documents, problems) = KnowledgeYaml.Read(new StringReader(yaml));
        var report = await _kb.Editor.ImportAsync(documents, problems, KnowledgeTestBase.Coordinator, Ct);

        Assert.Equal((1, 1, 2), (report.Created, report.Updated, report.Rejected));
        Assert.Contains(report.Lines, l => l.Slug == "broken" && l.Reasons.Any(r => r.StartsWith("category:", StringComparison.Ordinal)));
        Assert.Contains(report.Lines, l => l.Slug == "bad-date" && l.Reasons.Any(r => r.StartsWith("line ", StringComparison.Ordinal) && r.Contains("2026-11-27", StringComparison.Ordinal)));
        Assert.Equal("Library card and loans", (await _kb.Editor.GetAsync("library", Ct))!.Text("en")!.Title);
    }

    [Fact]
    public async Task A_csv_with_a_bad_date_names_the_row_and_the_column()
    {
        var csv = string.Join(",", KnowledgeCsv.Columns) + "\r\n" + "library,service,community,,draft,,src,,,false,,27.11.2026\r\n";

        var (_, problems) = KnowledgeCsv.Read(csv);

        var problem = Assert.Single(problems);
        Assert.Equal(2, problem.Line);
        Assert.Contains("verified", problem.Message);
    }

    private List<string> Search(string text) =>
        _kb.Index.Search(new SearchRequest(text, "en")).Hits.Select(h => h.Slug).ToList();
}
