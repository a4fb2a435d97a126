using KokkaBot.Bot;
using KokkaBot.Bot.Dialogs.Prompts;
using KokkaBot.Conversation.Texts;

namespace KokkaBot.Conversation;

/// <summary>A topic of the main menu and where to read about it until its guided path exists.</summary>
public sealed record MenuArea(string Key, Func<UserProfile, string> InfoUrl);

/// <summary>
/// The service areas of the main menu. The guided paths and free-text answers are built in later
/// work; until then each area says so honestly and gives a reliable page, so no answer is a dead end.
/// </summary>
public static class MainMenu
{
    private const string InfoFinland = "https://www.infofinland.fi";

    public static IReadOnlyList<MenuArea> Areas { get; } =
    [
        new("arrived", LocalGuide),
        new("work", _ => "https://tyomarkkinatori.fi"),
        new("housing", _ => InfoFinland),
        new("family", _ => InfoFinland),
        new("finnish", _ => "https://finnishcourses.fi"),
        new("health", _ => InfoFinland),
        new("people", LocalGuide),
        new("stay", _ => "https://talentboost.fi"),
        new("ask", _ => InfoFinland),
        new("person", LocalGuide),
    ];

    public static Choice[] Choices(TextSet t) =>
        Areas.Select(a => new Choice(a.Key, t[$"menu.{a.Key}"], Synonyms(a.Key))).ToArray();

    public static async Task AnswerAsync(TurnContext turn, UserProfile profile, string areaKey, CancellationToken cancellationToken)
    {
        var t = turn.Texts();
        var area = Areas.First(a => a.Key == areaKey);
        var url = area.InfoUrl(profile);
        switch (area.Key)
        {
            case "ask":
                await turn.SendActivityAsync(t["ask.building"], cancellationToken);
                await turn.SendActivityAsync(t.Format("area.meanwhile", ("url", url)), cancellationToken);
                break;
            case "person":
                await TalkToPersonAsync(turn, profile, cancellationToken);
                break;
            default:
                await turn.SendActivityAsync(t.Format("area.building", ("area", t[$"menu.{area.Key}"])), cancellationToken);
                if (area.Key == "health")
                    await turn.SendActivityAsync(t["area.health.emergency"], cancellationToken);
                await turn.SendActivityAsync(t.Format("area.meanwhile", ("url", url)), cancellationToken);
                break;
        }
    }

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
