using KokkaBot.Knowledge.Content;

namespace KokkaBot.Tests.Support;

/// <summary>
/// The real seed content in a knowledge base of its own (a SQLite file and an in-memory index), built
/// once per test run and shared by the conversation tests: the bot answers from what users will see.
/// Tests that read back unanswered questions or feedback look for their own, unique question.
/// </summary>
public static class SeededKnowledge
{
    private static readonly Lazy<KnowledgeTestBase> Shared = new(() =>
    {
        var knowledge = new KnowledgeTestBase();
        var (entries, problems) = KnowledgeContent.LoadSeed();
        knowledge.Editor.SeedAsync(entries, problems, CancellationToken.None).GetAwaiter().GetResult();
        knowledge.Editor.RebuildIndexAsync(CancellationToken.None).GetAwaiter().GetResult();
        return knowledge;
    }, LazyThreadSafetyMode.ExecutionAndPublication);

    public static KnowledgeTestBase Instance => Shared.Value;
}
