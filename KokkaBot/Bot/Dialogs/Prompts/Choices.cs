using System.Globalization;
using System.Text;
using System.Text.Json;

namespace KokkaBot.Bot.Dialogs.Prompts;

/// <summary>
/// One option of a choice: a stable <paramref name="Value"/> the code works with, the
/// <paramref name="Title"/> the user sees, and other words that mean it.
/// </summary>
public sealed record Choice(string Value, string? Title = null, IReadOnlyList<string>? Synonyms = null)
{
    public string Display => Title ?? Value;
}

/// <summary>The option the user picked.</summary>
public sealed record FoundChoice(string Value, int Index);

/// <summary>
/// Finds which choice an answer means: by its number ("2"), by its title, value or a synonym, or
/// by a part of one ("lappeen"), ignoring case and accents; a small typo is forgiven where only
/// one choice is that close. Ambiguous answers are not guessed.
/// </summary>
public static class ChoiceRecognizer
{
    public static FoundChoice? Recognize(string? input, IReadOnlyList<Choice> choices)
    {
        var text = Normalize(input);
        if (text.Length == 0 || choices.Count == 0)
            return null;

        var words = choices.Select(WordsOf).ToArray();
        var indexes = Enumerable.Range(0, choices.Count).ToArray();

        // 1. A number: "2", "2.", "#2".
        var digits = text.TrimStart('#').TrimEnd('.', ')');
        if (int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1 && number <= choices.Count)
            return Found(choices, number - 1);

        // 2. Exactly a title, value or synonym.
        if (OnlyOne(indexes.Where(i => words[i].Contains(text))) is { } exact)
            return Found(choices, exact);

        // 3. The answer contains a choice's words ("I live in Kotka"). Where several choices are named, the
        //    longest wins only if it contains the others ("learn finnish" over "finnish"); "Kotka or Hamina" is not guessed.
        var contained = indexes
            .Select(i => (Index: i, Phrase: words[i].Where(w => ContainsPhrase(text, w)).OrderByDescending(w => w.Length).FirstOrDefault()))
            .Where(c => c.Phrase is not null)
            .ToArray();
        if (contained.Length > 0)
        {
            var longest = contained.MaxBy(c => c.Phrase!.Length);
            var covers = contained.All(c => c.Index == longest.Index || longest.Phrase!.Contains(c.Phrase!, StringComparison.Ordinal));
            var tie = contained.Any(c => c.Phrase!.Length == longest.Phrase!.Length && c.Index != longest.Index);
            return covers && !tie ? Found(choices, longest.Index) : null;
        }

        // 4. The start of one ("lappeen").
        if (text.Length >= 3 && OnlyOne(indexes.Where(i => words[i].Any(w => w.StartsWith(text, StringComparison.Ordinal)))) is { } prefix)
            return Found(choices, prefix);

        // 5. A small typo ("Kuovola"), where only one choice is that close.
        var tolerance = text.Length >= 8 ? 2 : text.Length >= 4 ? 1 : 0;
        if (tolerance > 0 && OnlyOne(indexes.Where(i => words[i].Any(w => Distance(text, w) <= tolerance))) is { } near)
            return Found(choices, near);

        return null;
    }

    /// <summary>A card's Action.Submit or postBack may send the choice as <c>value</c> instead of text.</summary>
    public static string? TextOf(Schema.Activity activity)
    {
        if (!string.IsNullOrWhiteSpace(activity.Text))
            return activity.Text;
        if (activity.Value is { ValueKind: JsonValueKind.String } text)
            return text.GetString();
        if (activity.Value is { ValueKind: JsonValueKind.Object } value)
        {
            foreach (var name in (string[])["choice", "value"])
                if (value.TryGetProperty(name, out var property) && property.ValueKind == JsonValueKind.String)
                    return property.GetString();
        }
        return null;
    }

    /// <summary>Lower case, accents and punctuation removed, spaces collapsed: "Hämeenlinna!" → "hameenlinna".</summary>
    public static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return "";
        var decomposed = text.Trim().ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var result = new StringBuilder(decomposed.Length);
        var lastWasSpace = false;
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category == UnicodeCategory.NonSpacingMark)
                continue;
            if (char.IsLetterOrDigit(c))
            {
                result.Append(c);
                lastWasSpace = false;
            }
            else if (!lastWasSpace && result.Length > 0)
            {
                result.Append(' ');
                lastWasSpace = true;
            }
        }
        return result.ToString().TrimEnd().Normalize(NormalizationForm.FormC);
    }

    /// <summary>"fi-FI" → "fi"; null → "en".</summary>
    public static string LanguageOf(string? locale) =>
        string.IsNullOrWhiteSpace(locale) ? "en" : locale.Split('-', '_')[0].ToLowerInvariant();

    private static HashSet<string> WordsOf(Choice choice)
    {
        var words = new HashSet<string>(StringComparer.Ordinal) { Normalize(choice.Value), Normalize(choice.Display) };
        foreach (var synonym in choice.Synonyms ?? [])
            words.Add(Normalize(synonym));
        words.Remove("");
        return words;
    }

    private static bool ContainsPhrase(string text, string phrase) =>
        phrase.Length >= 3 && $" {text} ".Contains($" {phrase} ", StringComparison.Ordinal);

    private static int? OnlyOne(IEnumerable<int> indexes)
    {
        int? found = null;
        foreach (var index in indexes)
        {
            if (found is not null && found != index)
                return null;
            found = index;
        }
        return found;
    }

    private static FoundChoice Found(IReadOnlyList<Choice> choices, int index) => new(choices[index].Value, index);

    /// <summary>Edit distance where a swap of two neighbours ("Kuovola") counts as one edit.</summary>
    internal static int Distance(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 2)
            return int.MaxValue;
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
            d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++)
            d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        }
        return d[a.Length, b.Length];
    }
}
