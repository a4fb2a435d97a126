using KokkaBot.Knowledge.Content;
using KokkaBot.ServicePaths;
using KokkaBot.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace KokkaBot.Tests.ServicePaths;

/// <summary>
/// The path files of <c>dialogs/</c>: each loads, each refers to real knowledge entries and real
/// texts, and a broken file stops the start naming the file, the line and the reason.
/// </summary>
public sealed class ServicePathFilesTests
{
    private static readonly string Dialogs = Path.Combine(AppContext.BaseDirectory, "dialogs");

    [Fact]
    public void Every_path_of_the_menu_is_a_file_that_loads()
    {
        var paths = Load();
        Assert.Equal(
            ["arrived", "family", "finnish", "health", "housing", "people", "stay", "work"],
            paths.Select(p => p.Menu).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_entry_a_path_shows_is_published_in_the_seed_content()
    {
        var published = KnowledgeContent.LoadSeed().Entries.Where(e => e.Status == "published").Select(e => e.Slug).ToHashSet();
        var shown = Load().SelectMany(p => p.Steps.SelectMany(Slugs).Select(slug => (p.File, slug))).ToList();
        Assert.NotEmpty(shown);
        Assert.DoesNotContain(shown, s => !published.Contains(s.slug));
    }

    [Theory]
    [InlineData("fi")]
    [InlineData("sv")]
    [InlineData("ru")]
    [InlineData("uk")]
    [InlineData("ar")]
    public void Every_path_text_is_translated(string language)
    {
        var texts = PathTexts.FromDirectory(Path.Combine(Dialogs, "texts"));
        var missing = texts.Keys("en").Where(key => !texts.Has(language, key)).ToList();
        Assert.True(missing.Count == 0, $"dialogs/texts/{language}.yaml lacks: {string.Join(", ", missing)}");
        Assert.All(texts.Keys(language), key => Assert.False(string.IsNullOrWhiteSpace(texts.Get(language, key))));
    }

    [Theory]
    [InlineData("id: x\nmenu: arrived: again\n", 2, "Not valid YAML")]
    [InlineData("id: x\nmenu: arrived\nsteps:\n  - say: arrived.intro\n    colour: red\n", 5, "colour")]
    [InlineData("id: x\nmenu: arrived\nsteps:\n  - say: arrived.intro\n  - wave: hello\n", 5, "")]
    [InlineData("id: x\nmenu: arrived\nsteps:\n  - say: no.such.text\n", 4, "The text 'no.such.text' is missing from dialogs/texts/")]
    [InlineData("id: x\nmenu: arrived\nsteps:\n  - say: arrived.intro\n    when: { answer.citizenship: eu }\n", 4, "'answer.citizenship' is used before a step asks 'citizenship'")]
    [InlineData("id: x\nmenu: arrived\nsteps:\n  - checklist: c\n    items:\n      - item: a\n        text: arrived.item.dvv\n        after: [b]\n", 6, "comes after 'b', which is not an earlier item")]
    [InlineData("id: x\nmenu: arrived\nsteps:\n  - show: { max: 3 }\n", 4, "show needs slugs, a query or a category")]
    [InlineData("id: X Y\nmenu: arrived\nsteps:\n  - say: arrived.intro\n", 1, "/id")]
    [InlineData("menu: arrived\nsteps:\n  - say: arrived.intro\n", 1, "id")]
    public void A_broken_file_is_refused_with_its_line_and_reason(string yaml, int line, string reason)
    {
        var loader = ServicePathLoader.ForDirectory(Dialogs, PathTexts.FromDirectory(Path.Combine(Dialogs, "texts")));

        var error = Assert.Throws<ServicePathException>(() => loader.Load("broken.yaml", yaml));

        Assert.Equal("broken.yaml", error.File);
        Assert.Equal(line, error.Line);
        Assert.Contains(reason, error.Reason);
        Assert.StartsWith("Service path dialogs/broken.yaml, line ", error.Message);
    }

    [Fact]
    public void A_broken_file_stops_the_start()
    {
        var directory = Path.Combine(KokkaTestHost.NewDataDirectory(), "dialogs");
        Directory.CreateDirectory(Path.Combine(directory, "texts"));
        File.Copy(Path.Combine(Dialogs, ServicePathLoader.SchemaFile), Path.Combine(directory, ServicePathLoader.SchemaFile));
        foreach (var texts in Directory.EnumerateFiles(Path.Combine(Dialogs, "texts")))
            File.Copy(texts, Path.Combine(directory, "texts", Path.GetFileName(texts)));
        File.WriteAllText(Path.Combine(directory, "bad.yaml"), "id: bad\nmenu: arrived\nsteps:\n  - ask: town\n    text: arrived.intro\n    choices: []\n");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["ServicePaths:Directory"] = directory }).Build();

        var error = Assert.Throws<ServicePathException>(() => new ServiceCollection().AddServicePaths(configuration));

        Assert.Equal(("bad.yaml", 6), (error.File, error.Line));
    }

    private static IReadOnlyList<ServicePath> Load() =>
        ServicePathLoader.ForDirectory(Dialogs, PathTexts.FromDirectory(Path.Combine(Dialogs, "texts"))).LoadDirectory(Dialogs);

    private static IEnumerable<string> Slugs(PathStep step) => step switch
    {
        ShowStep show => show.Slugs,
        ChecklistStep checklist => checklist.Items.Select(i => i.Show).OfType<string>(),
        _ => [],
    };
}
