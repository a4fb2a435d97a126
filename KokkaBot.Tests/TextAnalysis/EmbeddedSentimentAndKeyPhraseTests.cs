using KokkaBot.Knowledge.Content;
using KokkaBot.TextAnalysis;
using Microsoft.Extensions.Options;

namespace KokkaBot.Tests.TextAnalysis;

public sealed class EmbeddedSentimentAndKeyPhraseTests(ITestOutputHelper output)
{
    private readonly EmbeddedTextAnalyzer _analyzer = new(Options.Create(new TextAnalysisOptions()));

    [Theory]
    [InlineData("en", "This is useless, nothing works!!")]
    [InlineData("en", "doesn't help at all")]
    [InlineData("en", "USELESS BOT")]
    [InlineData("fi", "Tämä on ihan hyödytön, ei toimi")]
    [InlineData("fi", "perkele ei toimi taaskaan")]
    [InlineData("fi", "ei auta yhtään")]
    [InlineData("sv", "Det här är värdelöst, fungerar inte")]
    [InlineData("sv", "hjälper inte")]
    [InlineData("ru", "Бесполезно, ничего не работает")]
    [InlineData("ru", "тупой бот, не помогает")]
    [InlineData("uk", "Марно, нічого не працює")]
    [InlineData("uk", "не допомагає")]
    [InlineData("ar", "هذا غير نافع، لا يعمل")]
    [InlineData("ar", "عديم الفائدة")]
    [InlineData("ar", "ما في فايدة")]
    public void Frustration_is_negative_in_every_language(string language, string text)
    {
        var result = _analyzer.AnalyzeSentiment(text);

        Assert.True(result.Sentiment == Sentiment.Negative, $"{language} \"{text}\": {result}");
        Assert.True(result.Negative > result.Positive);
    }

    [Theory]
    [InlineData("thanks, that was really helpful")]
    [InlineData("kiitos, tosi hyvä")]
    [InlineData("tack, jättebra")]
    [InlineData("спасибо, очень помогло")]
    [InlineData("дякую, дуже допомогло")]
    [InlineData("شكرا جزيلا، مفيد جدا")]
    [InlineData("👍 great")]
    public void Thanks_and_praise_are_positive(string text) =>
        Assert.Equal(Sentiment.Positive, _analyzer.AnalyzeSentiment(text).Sentiment);

    [Fact]
    public void Praise_and_complaint_together_are_mixed() =>
        Assert.Equal(Sentiment.Mixed, _analyzer.AnalyzeSentiment("thanks, but the form is useless").Sentiment);

    [Fact]
    public void None_of_the_labelled_questions_is_negative()
    {
        var questions = KnowledgeContent.LoadEvaluation();
        var results = questions.Select(q => (q.Question, Result: _analyzer.AnalyzeSentiment(q.Question))).ToList();
        foreach (var (question, result) in results.Where(r => r.Result.Sentiment != Sentiment.Neutral))
            output.WriteLine($"{result.Sentiment}: \"{question}\"");

        Assert.DoesNotContain(results, r => r.Result.Sentiment == Sentiment.Negative);
        Assert.True(results.Count(r => r.Result.Sentiment == Sentiment.Neutral) >= questions.Count * 0.95);
    }

    [Theory]
    [InlineData("my kid has fever at night who do i call")]
    [InlineData("jäin työttömäksi mitä teen")]
    [InlineData("болит зуб выходные что делать")]
    [InlineData("someone is unconscious what number do i call")]
    [InlineData("who can help me")]
    public void Worry_about_the_topic_is_not_a_complaint(string text) =>
        Assert.Equal(Sentiment.Neutral, _analyzer.AnalyzeSentiment(text).Sentiment);

    [Fact]
    public void Capitals_and_exclamation_marks_make_it_stronger()
    {
        var calm = _analyzer.AnalyzeSentiment("this is useless");
        var loud = _analyzer.AnalyzeSentiment("this is USELESS!!!");

        Assert.True(loud.Negative > calm.Negative, $"{loud} vs {calm}");
    }

    [Theory]
    [InlineData("")]
    [InlineData("hello")]
    [InlineData("USELESS!!! 😡")]
    [InlineData("thanks but useless")]
    public void Scores_are_shares_that_add_up_to_one(string text)
    {
        var result = _analyzer.AnalyzeSentiment(text);

        Assert.All([result.Positive, result.Neutral, result.Negative], s => Assert.InRange(s, 0, 1));
        Assert.Equal(1, result.Positive + result.Neutral + result.Negative, 2);
    }

    [Theory]
    [InlineData("how do i get a tax card", "tax card")]
    [InlineData("taxcard plz", "taxcard")]
    [InlineData("miten saan verokortin", "verokortin")]
    [InlineData("hur får jag personbeteckning", "personbeteckning")]
    [InlineData("как получить налоговую карточку", "налоговую карточку")]
    [InlineData("як отримати податкову картку", "податкову картку")]
    [InlineData("كيف أحصل على بطاقة ضريبية", "بطاقة ضريبية")]
    public void Key_phrases_are_the_content_words(string text, string phrase) =>
        Assert.Equal([phrase], _analyzer.ExtractKeyPhrases(text));

    [Fact]
    public void Key_phrases_split_at_punctuation_and_function_words_and_keep_the_order()
    {
        var phrases = _analyzer.ExtractKeyPhrases("Refugee moving out of reception centre to Kotka, help with housing and integration plan. Call 112?");

        Assert.Equal(["Refugee moving out", "reception centre", "Kotka", "help", "housing", "integration plan", "Call", "112"], phrases);
    }

    [Theory]
    [InlineData("")]
    [InlineData("ok thanks")]
    [InlineData("👍")]
    public void Nothing_to_say_has_no_key_phrases(string text) =>
        Assert.Empty(_analyzer.ExtractKeyPhrases(text));

    [Fact]
    public void Words_of_mood_are_no_key_phrases() =>
        Assert.Equal(["form"], _analyzer.ExtractKeyPhrases("thanks, but the form is really useless"));
}
