using KokkaBot.Bot.Dialogs.Prompts;

namespace KokkaBot.Escalation;

public enum SensitiveTopic { None, PermitRejected, Abuse, Crisis }

/// <summary>
/// Words that mean "I want a person" or that a message touches something a bot must not handle
/// alone, in the six languages. Matched on normalised text (lower case, accents folded), as whole
/// words or phrases.
/// </summary>
public static class EscalationTriggers
{
    private static readonly string[] AskForPerson = Normalized(
    [
        "talk to a person", "talk to a human", "speak to a person", "speak to a human", "real person", "human agent", "talk to an advisor",
        "speak to an advisor", "talk to someone", "i want a person", "i want a human",
        "ihmisen kanssa", "puhua ihmiselle", "oikea ihminen", "neuvojan kanssa", "haluan neuvojan", "puhua neuvojalle",
        "prata med en människa", "prata med en person", "prata med en rådgivare",
        "поговорить с человеком", "живой человек", "с консультантом", "поговорити з людиною", "з консультантом", "жива людина",
        "التحدث مع شخص", "أريد التحدث مع موظف", "شخص حقيقي", "مستشار",
    ]);

    private static readonly Dictionary<SensitiveTopic, string[]> Sensitive = new Dictionary<SensitiveTopic, string[]>
    {
        [SensitiveTopic.Crisis] =
        [
            "suicide", "kill myself", "end my life", "want to die", "self harm", "hurt myself", "no reason to live",
            "itsemurha", "tappaa itseni", "haluan kuolla", "en jaksa elaa", "satuttaa itseani",
            "sjalvmord", "vill do", "самоубийств", "убить себя", "хочу умереть", "покончить с собой", "самогубств", "хочу померти", "вбити себе",
            "انتحار", "أقتل نفسي", "اريد ان اموت", "أريد أن أموت",
        ],
        [SensitiveTopic.Abuse] =
        [
            "abuse", "abused", "violence", "hits me", "beats me", "assaulted", "raped", "threatens me", "domestic violence", "trafficking",
            "vakivalta", "lyo minua", "hyvaksikaytto", "uhkailee", "lahisuhdevakivalta", "ihmiskauppa",
            "vald", "misshandel", "насилие", "бьет меня", "избивает", "насильство", "б'є мене", "торгівля людьми",
            "عنف", "يضربني", "اعتداء", "تحرش",
        ],
        [SensitiveTopic.PermitRejected] =
        [
            "permit rejected", "permit was rejected", "permit denied", "negative decision", "refused my permit", "deportation", "deported", "must leave finland",
            "kielteinen paatos", "lupa hylattiin", "oleskelulupa hylattiin", "karkotus", "maasta poistaminen",
            "avslag", "utvisning", "отказ в виде на жительство", "отказали в разрешении", "депортац", "відмова у посвідці", "відмовили", "ترحيل", "رفض الإقامة", "رفض طلبي",
        ],
    }.ToDictionary(p => p.Key, p => Normalized(p.Value));

    public static bool AsksForAPerson(string? text) => Contains(ChoiceRecognizer.Normalize(text), AskForPerson);

    public static SensitiveTopic SensitiveTopicOf(string? text)
    {
        var normalized = ChoiceRecognizer.Normalize(text);
        foreach (var (topic, phrases) in Sensitive)
        {
            if (Contains(normalized, phrases))
                return topic;
        }
        return SensitiveTopic.None;
    }

    private static bool Contains(string normalized, string[] phrases)
    {
        if (normalized.Length == 0)
            return false;
        var padded = $" {normalized} ";
        // Stems ("самоубийств") match the start of a word; phrases match whole words.
        return phrases.Any(p => padded.Contains($" {p}", StringComparison.Ordinal));
    }

    /// <summary>Phrases folded as messages are (once, not per message).</summary>
    private static string[] Normalized(string[] phrases) => phrases.Select(ChoiceRecognizer.Normalize).ToArray();
}
