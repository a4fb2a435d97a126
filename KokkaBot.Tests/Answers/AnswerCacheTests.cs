using KokkaBot.Answers;
using KokkaBot.Knowledge.Editing;
using KokkaBot.Knowledge.Search;
using KokkaBot.Tests.Handoff;
using KokkaBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace KokkaBot.Tests.Answers;

/// <summary>Remembered answers never outlive an edit, and unanswered questions reach the coordinators' list.</summary>
public sealed class AnswerCacheTests
{
    [Fact]
    public async Task A_remembered_search_is_searched_again_after_the_knowledge_base_changes()
    {
        using var knowledge = new KnowledgeTestBase();
        var cache = new AnswerCache(knowledge.Index);
        var request = new SearchRequest("library card", "en") { Snippets = false };
        var entry = KnowledgeTestBase.Entry("library-card", "Library card", "Kirjastokortti");
        entry.Status = KokkaBot.Knowledge.Model.EntryStatus.Published;

        Assert.Empty(cache.Search(request).Hits);
        Assert.Same(cache.Search(request), cache.Search(request));

        await knowledge.Editor.CreateAsync(entry, KnowledgeTestBase.Coordinator, TestContext.Current.CancellationToken);

        Assert.Equal("library-card", cache.Search(request).Best?.Slug);
    }

    [Fact]
    public async Task A_question_the_bot_cannot_answer_reaches_the_coordinators_list()
    {
        await using var host = await HandoffTestHost.StartAsync(realBotSide: true);
        await using var student = await host.StartStudentAsync();
        await student.Stream.WaitForAsync(a => a.Text?.Length > 0);

        await student.SayAsync("what is the airspeed velocity of an unladen swallow");

        var editor = host.Services.GetRequiredService<KnowledgeEditor>();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!(await editor.UnansweredAsync(false, 50, TestContext.Current.CancellationToken)).Any(q => q.Text.Contains("unladen swallow", StringComparison.Ordinal)))
        {
            Assert.True(DateTime.UtcNow < deadline, "The unanswered question did not reach the coordinators' list within 10 s.");
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }
}
