using KokkaBot.Knowledge.Model;
using KokkaBot.Knowledge.Search;

namespace KokkaBot.Tests.Knowledge;

/// <summary>
/// Finnish questions use inflected forms the text does not contain. These entries are written in
/// the base forms only (no keywords to help), so only the Finnish analysis can find them.
/// </summary>
public sealed class FinnishInflectionTests : IDisposable
{
    private readonly KnowledgeIndex _index = new();

    public FinnishInflectionTests() => _index.Rebuild(
    [
        Entry("housing", "Asunto", "Vuokra-asunto opiskelijalle."),
        Entry("tax-card", "Verokortti", "Verokortti ennen ensimmäistä palkkaa."),
        Entry("identity-code", "Henkilötunnus", "Henkilötunnus maistraatista."),
        Entry("daycare", "Päiväkoti", "Lapsen paikka päiväkoti hakemus."),
        Entry("library", "Kirjasto", "Kirjasto ja lainaus."),
    ]);

    public void Dispose() => _index.Dispose();

    [Theory]
    [InlineData("asunto", "housing")]
    [InlineData("tarvitsen asunnon", "housing")]
    [InlineData("etsin asuntoa", "housing")]
    [InlineData("asunnot opiskelijoille", "housing")]
    [InlineData("asunnossa", "housing")]
    [InlineData("verokortti", "tax-card")]
    [InlineData("miten saan verokortin", "tax-card")]
    [InlineData("verokorttia", "tax-card")]
    [InlineData("henkilötunnus", "identity-code")]
    [InlineData("henkilötunnuksen hakeminen", "identity-code")]
    [InlineData("henkilötunnusta", "identity-code")]
    [InlineData("päiväkodin paikka", "daycare")]
    [InlineData("kirjastoon", "library")]
    [InlineData("henkilotunnus", "identity-code")]
    [InlineData("verokorrti", "tax-card")]
    public void Inflected_and_misspelt_finnish_finds_the_base_form(string question, string expected)
    {
        var result = _index.Search(new SearchRequest(question, "fi"));

        Assert.Equal(expected, result.Best?.Slug);
    }

    [Fact]
    public void Gradation_folds_strong_and_weak_grades_together()
    {
        Assert.Equal(FinnishFoldFilter.Fold("asunto"), FinnishFoldFilter.Fold("asunno"));
        Assert.Equal(FinnishFoldFilter.Fold("päiväkoti"), FinnishFoldFilter.Fold("päiväkodi"));
        Assert.Equal(FinnishFoldFilter.Fold("kampa"), FinnishFoldFilter.Fold("kamma"));
        Assert.Equal(FinnishFoldFilter.Fold("lähteä"), FinnishFoldFilter.Fold("lähdeä"));
    }

    private static KnowledgeEntry Entry(string slug, string title, string body) => new()
    {
        Slug = slug,
        Category = "community",
        Status = EntryStatus.Published,
        Texts = [new EntryText { Language = "fi", Title = title, Summary = body, Body = body }],
    };
}
