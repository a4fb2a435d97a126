using System.Text.Json;
using KokkaBot.Bot.Schema;
using KokkaBot.Knowledge.Content;
using KokkaBot.Tests.Support;

namespace KokkaBot.Tests.Answers;

/// <summary>
/// The labelled questions (KokkaBot.Knowledge/Evaluation), typed into the whole bot at its main menu
/// as a student of the question's town would: language detection, search, thresholds and cards
/// together. Prints the share answered with the right entry per language; the floors guard against
/// regressions (the goals are in the README).
/// </summary>
public sealed class LabelledQuestionsThroughTheBotTests(ITestOutputHelper output)
{
    private enum Outcome { RightCard, WrongCard, ClarifiedWithRight, ClarifiedWithoutRight, Unknown }

    [Fact]
    public async Task The_bot_answers_the_labelled_questions_with_the_right_entry()
    {
        var questions = KnowledgeContent.LoadEvaluation().Where(q => !q.ExpectsNoAnswer).ToList();
        var outcomes = new List<(string Language, Outcome Outcome, bool InItsLanguage)>();
        foreach (var group in questions.GroupBy(q => q.Town))
        {
            await using var bot = await OnboardedAsync(group.Key);
            foreach (var question in group)
            {
                var replies = await bot.SendAsync(question.Question);
                // Two "don't know"s in a row bring the offer of a person: decline it and go on asking.
                if (replies[^1].Text == bot.Texts()["handoff.offer"])
                    await bot.SendAsync("no");
                var first = replies[0];
                var outcome = first.EntrySlugs() is [var slug, ..]
                    ? question.IsRight(slug) ? Outcome.RightCard : Outcome.WrongCard
                    : first.ChoiceSlugs() is { Count: > 0 } offered
                        ? offered.Any(question.IsRight) ? Outcome.ClarifiedWithRight : Outcome.ClarifiedWithoutRight
                        : Outcome.Unknown;
                var inItsLanguage = first.EntrySlugs() is not [string shown, ..]
                    || CardLanguage(first) == question.Language
                    || SeededKnowledge.Instance.Index.Find(shown)?.Text(question.Language) is null;
                outcomes.Add((question.Language, outcome, inItsLanguage));
                if (outcome is not Outcome.RightCard)
                    output.WriteLine($"  {outcome,-22} [{question.Language}] {question.Question} (expected {question.Expect})");
            }
        }

        output.WriteLine("language  questions  right card  right in a choice  wrong  don't know");
        foreach (var language in outcomes.GroupBy(o => o.Language).Append(outcomes.GroupBy(_ => "all").Single()))
        {
            double Share(Outcome o) => 100.0 * language.Count(x => x.Outcome == o) / language.Count();
            output.WriteLine($"{language.Key,-9} {language.Count(),9}  {Share(Outcome.RightCard),9:0}%  {Share(Outcome.ClarifiedWithRight),16:0}%  {Share(Outcome.WrongCard) + Share(Outcome.ClarifiedWithoutRight),4:0}%  {Share(Outcome.Unknown),9:0}%");
        }

        foreach (var language in outcomes.GroupBy(o => o.Language))
        {
            var helped = language.Count(o => o.Outcome is Outcome.RightCard or Outcome.ClarifiedWithRight) / (double)language.Count();
            Assert.True(helped >= 0.80, $"{language.Key}: the right entry in {helped:P0} of answers, below the floor of 80 %.");
        }
        // An answer comes in the language of the question wherever the entry has that language.
        output.WriteLine($"answers in the question's language where the entry has it: {outcomes.Count(o => o.InItsLanguage)} of {outcomes.Count}");
        Assert.True(outcomes.Count(o => o.InItsLanguage) >= outcomes.Count * 0.95);
    }

    [Fact]
    public async Task Off_topic_questions_get_an_honest_dont_know_with_a_person_to_ask()
    {
        var offTopic = KnowledgeContent.LoadEvaluation().Where(q => q.ExpectsNoAnswer).ToList();
        var unknown = 0;
        foreach (var question in offTopic)
        {
            // Each in a conversation of its own: a second "don't know" in a row would offer a person.
            await using var bot = await OnboardedAsync("kotka");
            var t = bot.Texts();
            var replies = await bot.SendAsync(question.Question);
            if (replies[0].Text == bot.Texts(question.Language)["answer.none"])
            {
                unknown++;
                Assert.Contains(bot.Texts(question.Language)["person.button"], replies[1].Buttons());
            }
            else
            {
                output.WriteLine($"  answered off-topic: {question.Question}");
            }
            Assert.Equal(t["menu.prompt"], replies[^1].Text);
        }
        output.WriteLine($"off-topic questions answered with \"I don't know\": {unknown} of {offTopic.Count}");
        Assert.True(unknown >= offTopic.Count - 1, $"Only {unknown} of {offTopic.Count} off-topic questions got \"I don't know\".");
    }

    private static async Task<DialogTestClient> OnboardedAsync(string? town)
    {
        var bot = DialogTestClient.ForKokka(output: null);
        var t = bot.Texts();
        await bot.JoinAsync();
        await bot.SendAsync(t["role.student"]);
        await bot.SendAsync(town is null ? t["town.other"] : char.ToUpperInvariant(town[0]) + town[1..]);
        return bot;
    }

    private static string? CardLanguage(Activity reply) =>
        reply.Attachments is [{ Content: { } content }, ..] && content.TryGetProperty("lang", out var lang) ? lang.GetString() : null;
}
