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
    [System.Text.Json.Serialization.JsonIgnore]
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
        if (OnlyOne(indexes.Where(i => Array.IndexOf(words[i], text) >= 0)) is { } exact)
            return Found(choices, exact);

        // 3. The answer contains a choice's words ("I live in Kotka"). Where several choices are named, the
        //    longest wins only if it contains the others ("learn finnish" over "finnish"); "Kotka or Hamina" is not guessed.
        var contained = indexes
            .Select(i => (Index: i, Phrase: words[i].Where(w => w.Length > 0 && ContainsPhrase(text, w)).OrderByDescending(w => w.Length).FirstOrDefault()))
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
        if (text.Length >= 3 && OnlyOne(indexes.Where(i => words[i].Any(w => w.Length > 0 && w.StartsWith(text, StringComparison.Ordinal)))) is { } prefix)
            return Found(choices, prefix);

        // 5. A small typo ("Kuovola"), where only one choice is that close.
        var tolerance = text.Length >= 8 ? 2 : text.Length >= 4 ? 1 : 0;
        if (tolerance > 0 && OnlyOne(indexes.Where(i => words[i].Any(w => w.Length > 0 && Distance(text, w, tolerance) <= tolerance))) is { } near)
            return Found(choices, near);

        return null;
    }

    /// <summary>Whether the text is exactly one of the choices' titles, values or synonyms (normalised), not just close to one.</summary>
    public static bool IsExactly(string? input, IReadOnlyList<Choice> choices)
    {
        var text = Normalize(input);
        return choices.Any(c => Normalize(c.Display) == text
            || Normalize(c.Value) == text
            || (c.Synonyms ?? []).Any(s => Normalize(s) == text));
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
        // Most answers are plain ASCII ("2", "Kotka", "yes"): no Unicode decomposition needed for those.
        return Ascii.IsValid(text) ? NormalizeAscii(text) : NormalizeUnicode(text);
    }

    private static string NormalizeAscii(string text)
    {
        Span<char> buffer = text.Length <= 256 ? stackalloc char[text.Length] : new char[text.Length];
        var length = 0;
        var lastWasSpace = true;
        foreach (var c in text)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                buffer[length++] = char.ToLowerInvariant(c);
                lastWasSpace = false;
            }
            else if (!lastWasSpace)
            {
                buffer[length++] = ' ';
                lastWasSpace = true;
            }
        }
        if (length > 0 && buffer[length - 1] == ' ')
            length--;
        return new string(buffer[..length]);
    }

    private static string NormalizeUnicode(string text)
    {
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

    private static string[] WordsOf(Choice choice)
    {
        var synonyms = choice.Synonyms ?? [];
        var words = new string[synonyms.Count + 2];
        words[0] = Normalize(choice.Value);
        words[1] = choice.Title is null ? words[0] : Normalize(choice.Title);
        for (var i = 0; i < synonyms.Count; i++)
            words[i + 2] = Normalize(synonyms[i]);
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

    /// <summary>
    /// Edit distance where a swap of two neighbours ("Kuovola") counts as one edit; anything beyond
    /// <paramref name="limit"/> is reported as limit + 1. Three rows on the stack, no allocation.
    /// </summary>
    internal static int Distance(string a, string b, int limit = 2)
    {
        if (Math.Abs(a.Length - b.Length) > limit)
            return limit + 1;
        if (b.Length > 128)
            return limit + 1;
        Span<int> twoBack = stackalloc int[b.Length + 1];
        Span<int> previous = stackalloc int[b.Length + 1];
        Span<int> current = stackalloc int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
            previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMinimum = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    value = Math.Min(value, twoBack[j - 2] + 1);
                current[j] = value;
                rowMinimum = Math.Min(rowMinimum, value);
            }
            if (rowMinimum > limit)
                return limit + 1;
            var recycled = twoBack;
            twoBack = previous;
            previous = current;
            current = recycled;
        }
        return Math.Min(previous[b.Length], limit + 1);
    }
}
