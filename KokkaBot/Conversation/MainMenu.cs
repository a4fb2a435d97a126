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
    private const string InfoFinland = "https://www.infofinland.fi";

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

    /// <summary>The handoff work completes this; until then the user learns where help is today.</summary>
    public static async Task TalkToPersonAsync(TurnContext turn, UserProfile profile, CancellationToken cancellationToken)
    {
        var t = turn.Texts();
        await turn.SendActivityAsync(t["person.building"], cancellationToken);
        await turn.SendActivityAsync(t.Format("person.meanwhile", ("url", LocalGuide(profile))), cancellationToken);
    }

    /// <summary>The municipal guidance for newcomers in the user's town, where we know it.</summary>
    private static string LocalGuide(UserProfile profile) => profile.Town switch
    {
        "kotka" or "hamina" => "https://kotka.fi/en/guideforimmigrants",
        "lappeenranta" or "imatra" => "https://lappeenranta.fi/en/south-karelia-immigrant-services",
        _ => InfoFinland,
    };

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
