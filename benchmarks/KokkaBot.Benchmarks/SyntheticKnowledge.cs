using KokkaBot.Knowledge.Content;
using KokkaBot.Knowledge.Model;

namespace KokkaBot.Benchmarks;

/// <summary>
/// A large knowledge base made from the real one: every seed entry copied with other towns, owners
/// and a few words swapped, so that the term statistics stay those of real content in six languages.
/// </summary>
public static class SyntheticKnowledge
{
    private static readonly string[] Towns = ["kotka", "hamina", "kouvola", "lappeenranta", "imatra"];
    /// <summary>Words a real title might add, in each language: "service", "office", "point".</summary>
    private static readonly Dictionary<string, string[]> Fillers = new()
    {
        ["en"] = ["service", "office", "point"],
        ["fi"] = ["palvelu", "toimisto", "piste"],
        ["sv"] = ["tjänst", "kontor", "punkt"],
        ["ru"] = ["служба", "офис", "пункт"],
        ["uk"] = ["служба", "офіс", "пункт"],
        ["ar"] = ["خدمة", "مكتب", "نقطة"],
    };

    public static List<KnowledgeEntry> Build(int count)
    {
        var seed = KnowledgeContent.LoadSeed().Entries.Select(d => d.ToEntity()).ToList();
        var random = new Random(20261127);
        var entries = new List<KnowledgeEntry>(count);
        for (var i = 0; i < count; i++)
        {
            var source = seed[i % seed.Count];
            var copy = Clone(source);
            copy.Slug = i < seed.Count ? source.Slug : $"{source.Slug}-{i}";
            copy.Towns = i < seed.Count ? source.Towns : [Towns[random.Next(Towns.Length)]];
            // One filler and number per entry, said in each of its languages, as a real entry's title would be.
            var filler = random.Next(3);
            var number = random.Next(1000, 9999);
            foreach (var text in copy.Texts.Where(t => i >= seed.Count))
            {
                var extra = $"{Fillers.GetValueOrDefault(text.Language, Fillers["en"])[filler]} {number}";
                text.Title = text.Title is null ? null : $"{text.Title} {extra}";
                text.Keywords = [.. text.Keywords, extra];
            }
            entries.Add(copy);
        }
        return entries;
    }

    /// <summary>The seed entry a synthetic entry was copied from.</summary>
    public static string SourceOf(string slug, int seedCount)
    {
        var dash = slug.LastIndexOf('-');
        return dash > 0 && int.TryParse(slug.AsSpan(dash + 1), out var i) && i >= seedCount ? slug[..dash] : slug;
    }

    /// <summary>The labelled questions: what students really type, in six languages.</summary>
    public static List<(string Question, string Language, string? Town)> Questions() =>
        KnowledgeContent.LoadEvaluation().Select(q => (q.Question, q.Language, q.Town)).ToList();

    private static KnowledgeEntry Clone(KnowledgeEntry e) => new()
    {
        Slug = e.Slug,
        Kind = e.Kind,
        Category = e.Category,
        Towns = e.Towns.ToList(),
        Status = e.Status,
        Texts = e.Texts.Select(t => new EntryText { Language = t.Language, Title = t.Title, Summary = t.Summary, Body = t.Body, Keywords = t.Keywords.ToList() }).ToList(),
    };
}
