namespace KokkaBot.TextAnalysis;

/// <summary>
/// Key phrases the simple way: runs of up to three content words ("tax card", "oleskeluluvan jatkaminen"),
/// split by punctuation and by function words and fillers of the six languages ("how", "miten", "plz",
/// "как", "كيف") and by words of mood ("thanks", "useless", "ei", "очень"), plus numbers of three digits or more ("112"). The stop lists of all languages apply to
/// every text: chat messages mix languages.
/// </summary>
internal sealed class KeyPhraseExtractor(SentimentScorer sentiment)
{
    private const int MaxWordsPerPhrase = 3;
    private const int MaxPhrases = 10;

    private readonly Lexicon _stopWords = Lexicon.Parse("""
        the a an and or but if of to in on at for from with without by about as into than then
        is are was were be been being am do does did done have has had i you he she it we they me him her us them
        my your his its our their this that these those there here what which who whom whose when where why how
        can could should would will shall may might must not no yes dont don't doesnt doesn't isnt isn't cant can't
        im i'm ive i've please plz pls thanks thank thx hi hello hey get got need want know tell any some all just
        only also very much many more most so too again still yet now anyone someone something anything else ok okay
        ja tai mutta sekä eli kun jos että koska vaikka jotta kuin niin myös vain jo vielä nyt on ei en et emme
        ette eivät eikä oli olen olet olemme olette ovat ole olla ollut se ne hän minä sinä me he mä sä mun sun mulla
        sulla minun sinun hänen meidän teidän heidän minulle mitä mikä missä mistä mihin minne miten miksi milloin
        kuinka kuka ketä kenelle paljonko montako voi voin voiko voinko voisin voitko saa saan saako saanko pitää
        pitääkö täytyy tarvitsen tarvitseeko haluan haluaisin onko oletko olenko tämä tuo nämä tässä siellä täällä
        kiitos kiitti moi hei terve kyllä joo okei teen tehdä
        och att det som ett är var vad hur när vem vilken vilket vilka varför vart jag du han hon vi ni de dem mig
        dig sig min mitt mina din ditt dina på för med till från av om inte kan kunna ska skall måste vill får fick
        har hade behöver finns här där också bara nu hej tack nej eller men så den man
        и в во не на я что как где когда почему куда откуда кто какой какая какие какую это мне меня мой моя мои у
        с со по за для из от до о об же ли бы есть нет да можно нужно надо если или но а так уже ещё очень все
        всё он она они мы вы его её их сколько спасибо здравствуйте привет пожалуйста чтобы чем там тут здесь
        получить найти сделать
        і й та що як де коли чому куди звідки хто який яка які яку це мені мене мій з із зі від про чи є немає ні
        можна треба якщо або але вже ще дуже усе він вона вони ми ви її їх скільки дякую будь ласка щоб
        отримати знайти зробити
        في من على الى إلى عن مع هل ما ماذا كيف اين أين متى لماذا هذا هذه ذلك تلك انا أنا انت هو هي نحن هم و او أو
        ثم لا لم لن ان أن إن كان بمن الذي التي عند لدي اريد أريد يمكن يمكنني احصل أحصل شكرا فضلك
        """);

    public IReadOnlyList<string> Extract(string text)
    {
        var phrases = new List<string>();
        var current = new List<string>();

        void Flush()
        {
            if (current.Count > 0)
                phrases.Add(string.Join(' ', current));
            current.Clear();
        }

        foreach (var token in TextTokens.Tokenize(text))
        {
            if (token.AfterBreak)
                Flush();
            if (token.IsNumber)
            {
                Flush();
                if (token.Text.Length >= 3)
                    phrases.Add(token.Text);
                continue;
            }
            if (_stopWords.Contains(token.Key) || sentiment.IsOpinionWord(token.Key) || token.Key.Count(char.IsLetter) < 2)
            {
                Flush();
                continue;
            }
            current.Add(token.Text);
            if (current.Count == MaxWordsPerPhrase)
                Flush();
        }
        Flush();
        return phrases.DistinctBy(p => p.ToLowerInvariant()).Take(MaxPhrases).ToList();
    }
}
