using System.Globalization;
using KokkaBot.Bot;
using KokkaBot.Bot.Dialogs.Prompts;
using KokkaBot.Conversation.Texts;

namespace KokkaBot.Conversation;

/// <summary>
/// The main menu: the eight service paths (dialogs/*.yaml, started by their menu key), asking a
/// question, and talking to a person.
/// </summary>
public static class MainMenu
{
    public static IReadOnlyList<string> Areas { get; } =
        ["arrived", "work", "housing", "family", "finnish", "health", "people", "stay", Ask, Person];

    public const string Ask = "ask";
    public const string Person = "person";

    /// <summary>The menu's buttons; a path the user has started shows its progress ("Just arrived (4/8)").</summary>
    public static Choice[] Choices(TextSet t, IReadOnlyDictionary<string, (int Done, int Total)>? progress = null) =>
        Areas.Select(area =>
        {
            var title = t[$"menu.{area}"];
            if (progress is not null && progress.TryGetValue(area, out var p) && p.Total > 0)
                title = t.Format("menu.progress", ("area", title), ("done", p.Done.ToString(CultureInfo.InvariantCulture)), ("total", p.Total.ToString(CultureInfo.InvariantCulture)));
            // The plain name stays a synonym, so typing "just arrived" still works.
            return new Choice(area, title, [.. Synonyms(area), t[$"menu.{area}"]]);
        }).ToArray();

    private static string[] Synonyms(string key) => key switch
    {
        "arrived" => ["arrived", "new", "moving", "muutin", "muutto", "rekisteröinti", "registration"],
        "work" => ["work", "job", "jobs", "työ", "työt", "töitä", "työpaikka"],
        "housing" => ["home", "apartment", "flat", "asunto", "koti"],
        "family" => ["children", "kids", "daycare", "school", "lapset", "päiväkoti", "koulu"],
        "finnish" => ["finnish", "language course", "suomen kieli", "kielikurssi"],
        "health" => ["doctor", "hospital", "sick", "lääkäri", "sairas", "terveyskeskus"],
        "people" => ["friends", "hobbies", "ystävät", "harrastukset"],
        "stay" => ["after graduation", "graduation", "valmistuminen"],
        "ask" => ["question", "kysymys"],
        "person" => ["advisor", "human", "neuvoja", "ihminen"],
        _ => [],
    };
}
