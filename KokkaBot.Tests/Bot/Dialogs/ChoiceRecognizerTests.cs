using KokkaBot.Bot.Dialogs.Prompts;

namespace KokkaBot.Tests.Bot.Dialogs;

public class ChoiceRecognizerTests
{
    private static readonly Choice[] Towns =
    [
        new("kotka", "Kotka", ["kotkassa"]),
        new("hamina", "Hamina"),
        new("kouvola", "Kouvola", ["kouvolassa"]),
        new("lappeenranta", "Lappeenranta", ["lappeenrannassa", "lpr"]),
        new("imatra", "Imatra"),
        new("other", "Other / not yet", ["muu"]),
    ];

    [Theory]
    [InlineData("1", "kotka")]
    [InlineData("4.", "lappeenranta")]
    [InlineData("#2", "hamina")]
    [InlineData("Kotka", "kotka")]
    [InlineData("KOUVOLA", "kouvola")]
    [InlineData("  imatra! ", "imatra")]
    [InlineData("lpr", "lappeenranta")]
    [InlineData("Asun Lappeenrannassa", "lappeenranta")]
    [InlineData("I live in Kotka", "kotka")]
    [InlineData("lappeen", "lappeenranta")]
    [InlineData("Kuovola", "kouvola")]
    [InlineData("Lappeenranat", "lappeenranta")]
    [InlineData("other / not yet", "other")]
    [InlineData("muu", "other")]
    public void Recognises_a_choice_by_number_text_part_or_small_typo(string input, string expected) =>
        Assert.Equal(expected, ChoiceRecognizer.Recognize(input, Towns)?.Value);

    [Theory]
    [InlineData("")]
    [InlineData("7")]
    [InlineData("0")]
    [InlineData("Helsinki")]
    [InlineData("ka")]
    [InlineData("Kotka or Hamina")]
    public void Does_not_guess_what_is_missing_out_of_range_or_ambiguous(string input) =>
        Assert.Null(ChoiceRecognizer.Recognize(input, Towns));

    [Theory]
    [InlineData("Työnhakija", "tyonhakija")]
    [InlineData("Ärrä", "arra")]
    [InlineData("Škoda café", "skoda cafe")]
    [InlineData("Українська", "украінська")]
    public void Normalising_ignores_case_accents_and_punctuation(string input, string expected) =>
        Assert.Equal(expected, ChoiceRecognizer.Normalize(input));

    [Fact]
    public void Accents_in_choices_do_not_matter_either_way()
    {
        Choice[] roles = [new("jobseeker", "Työnhakija"), new("student", "Opiskelija")];

        Assert.Equal("jobseeker", ChoiceRecognizer.Recognize("tyonhakija", roles)?.Value);
        Assert.Equal("jobseeker", ChoiceRecognizer.Recognize("TYÖNHAKIJA", roles)?.Value);
    }
}
