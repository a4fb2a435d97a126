using KokkaBot.Knowledge.Content;
using KokkaBot.Knowledge.Editing;
using KokkaBot.Knowledge.Model;

namespace KokkaBot.Tests.Knowledge;

/// <summary>The seed content keeps the promises of Content/README.md.</summary>
public sealed class SeedContentTests
{
    // Rows the fact sheet marks UNCERTAIN: never published.
    private static readonly string[] UncertainFacts = ["N5", "N12", "N18", "N23", "N31", "V3", "V10", "V13", "L9", "L10", "I3", "E5", "E17"];

    private static readonly string[] MostNeeded = ["emergency", "registration-residence", "residence-permits", "tax", "social-security", "health", "housing", "employment"];

    private static readonly List<KnowledgeEntry> Entries = KnowledgeContent.LoadSeed().Entries.Select(d => d.ToEntity()).ToList();

    [Fact]
    public void Every_entry_is_valid_and_published_with_a_unique_slug()
    {
        Assert.Empty(KnowledgeContent.LoadSeed().Problems);
        Assert.All(Entries, e => Assert.Empty(EntryValidator.Validate(e)));
        Assert.Equal(Entries.Count, Entries.Select(e => e.Slug).Distinct().Count());
        Assert.True(Entries.Count(e => e.Status == EntryStatus.Published) >= 150, $"{Entries.Count} entries");
    }

    [Fact]
    public void National_content_every_town_and_at_least_25_employers_are_covered()
    {
        Assert.True(Entries.Count(e => e.IsNational) >= 40);
        foreach (var town in KokkaBot.Knowledge.Places.Towns.All)
            Assert.True(Entries.Count(e => e.Towns.Contains(town.Slug)) >= 10, $"{town.Name}: {Entries.Count(e => e.Towns.Contains(town.Slug))} entries");
        Assert.True(Entries.Count(e => e.Kind == EntryKind.Employer) >= 25);
        Assert.All(Entries.Where(e => e.Kind == EntryKind.Employer), e => Assert.False(string.IsNullOrWhiteSpace(e.Employer?.Sector)));
    }

    [Fact]
    public void Every_entry_is_in_english_and_finnish_and_at_least_40_most_needed_ones_in_all_six_languages()
    {
        Assert.All(Entries, e => Assert.True(e.Text("en")!.IsComplete && e.Text("fi")!.IsComplete, e.Slug));
        var allSix = Entries.Where(e => Vocabulary.Languages.All(l => e.Text(l) is { IsComplete: true })).ToList();
        Assert.True(allSix.Count(e => MostNeeded.Contains(e.Category)) >= 40, $"{allSix.Count} entries in six languages");
    }

    [Fact]
    public void Every_entry_names_its_source_its_fact_rows_and_dates_and_no_uncertain_fact_is_used()
    {
        Assert.All(Entries, e =>
        {
            Assert.False(string.IsNullOrWhiteSpace(e.Source.Name), e.Slug);
            Assert.NotEmpty(e.Source.Facts);
            Assert.NotEqual(default, e.Verified);
            Assert.True(e.ReviewDue > e.Verified, e.Slug);
            Assert.Empty(e.Source.Facts.Intersect(UncertainFacts));
        });
    }

    [Fact]
    public void The_evaluation_set_has_150_questions_in_all_six_languages_about_entries_that_exist()
    {
        var questions = KnowledgeContent.LoadEvaluation();
        var slugs = Entries.Select(e => e.Slug).ToHashSet();

        Assert.True(questions.Count(q => !q.ExpectsNoAnswer) >= 150);
        Assert.All(Vocabulary.Languages, l => Assert.True(questions.Count(q => q.Language == l) >= 20, l));
        Assert.All(questions.Where(q => !q.ExpectsNoAnswer), q => Assert.Contains(q.Expect!, slugs));
        Assert.All(questions.SelectMany(q => q.Acceptable), s => Assert.Contains(s, slugs));
    }
}
