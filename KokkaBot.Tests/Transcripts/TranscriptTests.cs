using System.Text.Json;
using System.Text.Json.Nodes;
using KokkaBot.Bot.Schema;
using KokkaBot.ServicePaths;
using KokkaBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace KokkaBot.Tests.Transcripts;

/// <summary>
/// Conversations written down as JSON (<c>Transcripts/*.json</c>): what the user sends, and the
/// structure of what the bot must answer: message keys, cards and their entries, buttons. Texts are
/// named by key, never written out, so a reworded sentence does not break a transcript.
/// </summary>
/// <remarks>
/// A user turn is "join" (the user opens the chat), "@key" (a bot text, as its button sends it),
/// "@@key" (a service path text), a literal message, or {"submit": {...}} (a card's Action.Submit).
/// Each expected reply, in order, may say: "say" (bot text key; a text with {placeholders} is matched
/// up to its first one), "path" (path text key), "entry" (the slug of the card's entry), "lang" (the
/// card's language), "choices" (slugs offered as a clarifying choice), "buttons" (button keys, in
/// order). "replies": N checks the count of replies; without it only the listed ones are checked, as
/// the last replies of the turn.
/// </remarks>
public sealed class TranscriptTests(ITestOutputHelper output)
{
    public static TheoryData<string> Files() =>
        new(Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "Transcripts"), "*.json").Select(Path.GetFileName).Order()!);

    [Theory]
    [MemberData(nameof(Files))]
    public async Task The_bot_answers_as_the_transcript_says(string file)
    {
        var transcript = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Transcripts", file)))!.AsObject();
        var locale = (string?)transcript["locale"] ?? "en-US";
        await using var bot = DialogTestClient.ForKokka(output, locale);
        var language = locale[..2];
        var paths = bot.Services.GetRequiredService<ServicePathCatalog>().Texts;

        var number = 0;
        foreach (var turn in transcript["turns"]!.AsArray().Select(t => t!.AsObject()))
        {
            number++;
            var replies = await SendAsync(bot, turn["user"]!, language, paths);
            var expected = turn["bot"]?.AsArray().Select(e => e!.AsObject()).ToList() ?? [];
            if (turn["replies"] is { } count)
                Assert.True(replies.Count == (int)count!, $"{file}, turn {number}: {replies.Count} replies, expected {(int)count!}.");
            Assert.True(replies.Count >= expected.Count, $"{file}, turn {number}: {replies.Count} replies, expected at least {expected.Count}.");
            var offset = replies.Count - expected.Count;
            for (var i = 0; i < expected.Count; i++)
                Check($"{file}, turn {number}, reply {offset + i + 1}", replies[offset + i], expected[i], bot, language, paths);
        }
    }

    private static Task<IReadOnlyList<Activity>> SendAsync(DialogTestClient bot, JsonNode user, string language, PathTexts paths)
    {
        if (user is JsonObject { } submit && submit["submit"] is { } value)
            return bot.SendActivityAsync(new Activity { Type = ActivityTypes.Message, Value = JsonSerializer.SerializeToElement(value) });
        var text = (string)user!;
        return text switch
        {
            "join" => bot.JoinAsync(),
            _ when text.StartsWith("@@", StringComparison.Ordinal) => bot.SendAsync(paths.Get(language, text[2..])),
            _ when text.StartsWith('@') => bot.SendAsync(bot.Texts(language)[text[1..]]),
            _ => bot.SendAsync(text),
        };
    }

    private static void Check(string where, Activity reply, JsonObject expected, DialogTestClient bot, string language, PathTexts paths)
    {
        var replyLanguage = (string?)expected["lang"] ?? language;
        if ((string?)expected["say"] is { } key)
            Assert.True(reply.Text?.StartsWith(UpToPlaceholder(bot.Texts(replyLanguage)[key]), StringComparison.Ordinal) == true, $"{where}: expected the text '{key}', got: {reply.Text}");
        if ((string?)expected["path"] is { } pathKey)
            Assert.True(reply.Text?.Contains(paths.Get(language, pathKey), StringComparison.Ordinal) == true, $"{where}: expected the path text '{pathKey}', got: {reply.Text}");
        if ((string?)expected["entry"] is { } slug)
            Assert.True(reply.EntrySlugs().Contains(slug), $"{where}: expected a card of '{slug}', got: [{string.Join(", ", reply.EntrySlugs())}]");
        if ((string?)expected["lang"] is { } lang && reply.Attachments is [{ Content: { } content }, ..])
            Assert.Equal(lang, content.GetProperty("lang").GetString());
        if (expected["choices"] is JsonArray choices)
            Assert.Equal(choices.Select(c => (string)c!), reply.ChoiceSlugs());
        if (expected["buttons"] is JsonArray buttons)
            Assert.Equal(buttons.Select(b => bot.Texts(replyLanguage)[(string)b!]), reply.Buttons());
    }

    private static string UpToPlaceholder(string text) => text.IndexOf('{') is var at and >= 0 ? text[..at] : text;
}
