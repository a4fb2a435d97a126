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
    private static readonly string[] Fillers = ["service", "palvelu", "tjänst", "служба", "служба", "خدمة", "office", "toimisto", "centre", "keskus", "point", "piste"];

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
            foreach (var text in copy.Texts.Where(t => i >= seed.Count))
            {
                var extra = $"{Fillers[random.Next(Fillers.Length)]} {random.Next(1000, 9999)}";
                text.Title = text.Title is null ? null : $"{text.Title} {extra}";
                text.Keywords = [.. text.Keywords, extra];
            }
            entries.Add(copy);
        }
        return entries;
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
