using System.Collections.Frozen;

namespace KokkaBot.TextAnalysis;

/// <summary>
/// Lexicon-based sentiment for the six languages. The lists of all languages apply to every text
/// (students mix languages, and a short complaint is often misdetected), and they are about the user's
/// mood, not the topic: "fever", "unemployed" or "emergency" are not negative, "useless", "ei toimi",
/// "бесполезно" and "غير نافع" are. A negation ("not", "ei", "inte", "не", "ні", "لا", "غير") turns a
/// positive word or a word of functioning ("works", "toimi", "fungerar", "работает", "يعمل") negative;
/// "very", "todella", "очень", "جدا", capitals and exclamation marks make the next word count more.
/// </summary>
internal sealed class SentimentScorer
{
    private enum Kind { Positive, Negative, Functioning, Negation, PostNegation, Intensifier }

    private static readonly (Kind Kind, string Words)[] Lists =
    [
        (Kind.Positive, """
            thanks thank thx ty great good nice helpful useful perfect awesome excellent amazing love lovely wonderful
            brilliant cool appreciate* glad happy fantastic
            kiitos kiitti kiitoksia kiitokset hyvä hyvää hyvin hyviä loistava* mahtava* upea* kiva* hieno* täydellinen
            erinomai* auttoi hyödyllinen* kätevä* ihana* selkeä*
            tack tackar bra jättebra toppen utmärkt* perfekt underbar* fantastisk* härlig* hjälpsam* användbar* snäll*
            gillar älskar kanon grymt
            спасибо спс благодарю отлично отличн* хорошо хорош* супер класс классно замечательн* прекрасн* полезн* помогло
            помогли круто люблю нравится молодец
            дякую дякуємо чудово чудов* добре відмінн* клас класно корисн* допомогло допомогли подобається
            شكرا شكر اشكرك ممتاز* رائع* جيد* جميل* مفيد* نافع* احسنت حلو عظيم* ممتن*
            """),
        (Kind.Negative, """
            useless worthless pointless terrible awful horrible bad worse worst stupid dumb idiot* hate hated hates
            annoying annoyed angry furious frustrat* ridiculous nonsense rubbish garbage crap crappy shit* sucks wtf
            broken disappoint* confusing unhelpful hopeless incompetent rude scam pathetic waste
            hyödytö* turha turhaa turhia turhauttaa turhauttava* huono* surke* kamala* kauhea* hirveä* paska* perkele
            vittu* saatana* ärsytt* vihaan vihainen tyhmä* typerä* rikki pettyn* pettymy* sekava* huijaus
            värdelös* oanvändbar* dålig* sämst usel* hemsk* förfärlig* dum dumt dumma korkad* hatar arg argt arga
            irriter* frustrer* skit* jävla jävligt trasig* besvik* meningslös* onödig*
            бесполезн* ужасн* плох* отвратительн* тупой тупая глуп* идиот* ненавижу бесит раздража* злой зол
            разочарован* ерунд* чушь фигня отстой кошмар сломан* безобразие издевательство хрень
            марн* даремн* жахлив* поган* огидн* тупий дурн* ненавиджу бісить дратує злий розчарован* маячня
            нісенітниця відстій зламан* нікчемн* безкорисн*
            سيء سيئ سيئه فاشل* مزعج* غبي* اكره زفت سخيف* محبط* مخيب* تافه* كارثه كارثي* غاضب* مستفز* معطل* فظيع* رديء* مقرف*
            """),
        (Kind.Functioning, """
            work works working worked help helps helped helping answer answers answered answering reply replies respond*
            toimi toimii toiminut auta auttanut auttaa vastaa vastannut vastausta apua
            fungerar funkar fungera funka hjälper hjälpte svarar svarade svar
            работает работают работало помогает помогают помог отвечает отвечают ответа ответил
            працює працюють працювало допомагає допомагають допоміг відповідає відповідають відповіді
            يعمل تعمل يشتغل تشتغل شغال يساعد تساعد يساعدني يرد ترد يجيب فائده فايده رد
            """),
        (Kind.Negation, """
            not no never nothing nobody dont don't doesnt doesn't didnt didn't isnt isn't cant can't cannot wont won't
            ei eikä eivät emme ette mikään kukaan
            ingen inget aldrig icke
            не ни нет ничего никто ніхто нічого ні немає нема
            لا لم لن ليس ليست غير مش مو ما بدون بلا عديم
            """),
        (Kind.PostNegation, "inte ej"),
        (Kind.Intensifier, """
            very really totally completely absolutely extremely
            todella tosi ihan täysin aivan erittäin
            mycket väldigt helt verkligen
            очень совсем совершенно абсолютно
            дуже зовсім цілком
            جدا تماما كثيرا للغايه
            """),
    ];

    /// <summary>Negative words as weak as this do not make a text negative alone.</summary>
    private static readonly FrozenDictionary<string, double> Weights = new Dictionary<string, double>
    {
        ["waste"] = 0.75,
        ["rikki"] = 0.75,
        ["svar"] = 0.75,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly string[] PositiveEmoji = ["👍", "😊", "🙂", "😀", "😃", "😄", "😁", "❤", "🙏", "👌", "🥰", "😍", "💯", "🎉", ":)", ":-)", ":D", "(:"];
    private static readonly string[] NegativeEmoji = ["👎", "😡", "😠", "🤬", "😞", "😢", "😭", "😤", "🙄", "💩", "😒", "☹", "🙁", "😖", "😫", ":(", ":-(", "):"];

    private readonly IReadOnlyList<(Kind Kind, Lexicon Words)> _lexicons =
        Lists.Select(l => (l.Kind, Lexicon.Parse(l.Words))).ToList();

    public SentimentResult Score(string text)
    {
        var tokens = TextTokens.Tokenize(text).Where(t => !t.IsNumber).ToList();
        double positive = 0, negative = 0;
        var boost = 1.0;
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token.AfterBreak)
                boost = 1.0;
            var kind = KindOf(token.Key);
            if (kind is Kind.Intensifier)
            {
                boost = 1.5;
                continue;
            }
            if (kind is not (Kind.Positive or Kind.Negative or Kind.Functioning))
                continue;
            var weight = Weights.GetValueOrDefault(token.Key, 1.0) * boost * (TextTokens.IsShouted(token.Text) ? 1.5 : 1.0);
            boost = 1.0;
            var negated = IsNegated(tokens, i);
            switch (kind)
            {
                case Kind.Positive when negated:
                case Kind.Functioning when negated:
                case Kind.Negative when !negated:
                    negative += weight;
                    break;
                case Kind.Positive:
                    positive += weight;
                    break;
                case Kind.Negative:
                    positive += 0.3 * weight; // "not bad"
                    break;
            }
        }
        positive += PositiveEmoji.Count(e => text.Contains(e, StringComparison.Ordinal));
        negative += NegativeEmoji.Count(e => text.Contains(e, StringComparison.Ordinal));
        if (positive + negative > 0)
        {
            var exclamations = Math.Min(3, text.Count(c => c is '!' or '！'));
            var loudness = 1 + 0.25 * exclamations;
            positive *= loudness;
            negative *= loudness;
        }
        return Result(positive, negative);
    }

    private static SentimentResult Result(double positive, double negative)
    {
        var total = positive + negative + 1;
        var sentiment =
            positive >= 0.9 && negative >= 0.9 && Math.Min(positive, negative) / Math.Max(positive, negative) >= 0.5 ? Sentiment.Mixed
            : negative - positive >= 0.9 ? Sentiment.Negative
            : positive - negative >= 0.9 ? Sentiment.Positive
            : Sentiment.Neutral;
        return new SentimentResult(sentiment, Math.Round(positive / total, 3), Math.Round(1 / total, 3), Math.Round(negative / total, 3));
    }

    /// <summary>A negation one or two words before ("ei toimi", "not very helpful"), or Swedish "inte" right after ("fungerar inte").</summary>
    private bool IsNegated(List<Token> tokens, int i)
    {
        for (var j = i - 1; j >= Math.Max(0, i - 2); j--)
        {
            if (tokens[j + 1].AfterBreak)
                break;
            if (KindOf(tokens[j].Key) is Kind.Negation or Kind.PostNegation)
                return true;
        }
        return i + 1 < tokens.Count && !tokens[i + 1].AfterBreak && KindOf(tokens[i + 1].Key) is Kind.PostNegation;
    }

    /// <summary>True for words of mood rather than topic ("thanks", "useless", "not", "very"): no key phrase.</summary>
    public bool IsOpinionWord(string key) => KindOf(key) is Kind.Positive or Kind.Negative or Kind.Negation or Kind.PostNegation or Kind.Intensifier;

    private Kind? KindOf(string key)
    {
        foreach (var candidate in Candidates(key))
        {
            foreach (var (kind, words) in _lexicons)
            {
                if (words.Contains(candidate))
                    return kind;
            }
        }
        return null;
    }

    /// <summary>The word, and for Arabic the word without the article and the clitics written onto it (وال، بال، ف، و…).</summary>
    private static IEnumerable<string> Candidates(string key)
    {
        yield return key;
        if (key.Length < 4 || TextTokens.ScriptOf(key[0]) is not Script.Arabic)
            yield break;
        foreach (var prefix in (string[])["وال", "بال", "فال", "كال", "لل", "ال", "و", "ف", "ب", "ل"])
        {
            if (key.StartsWith(prefix, StringComparison.Ordinal) && key.Length - prefix.Length >= 2)
                yield return key[prefix.Length..];
        }
    }
}
