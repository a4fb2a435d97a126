using System.Globalization;
using System.Text;

namespace KokkaBot.TextAnalysis;

/// <summary>The writing systems the analyzers tell apart.</summary>
internal enum Script
{
    None,
    Latin,
    Cyrillic,
    Arabic,
    Greek,
    Hebrew,
    Armenian,
    Georgian,
    Devanagari,
    Thai,
    Hangul,
    Kana,
    Han,
    Other,
}

/// <summary>A word or a number of a message, as written, with its normalised lookup key.</summary>
/// <param name="Text">The word as the user wrote it.</param>
/// <param name="Key">Lower case; ё → е, ’ → ', and Arabic without diacritics and with one form of alef, ya and ta marbuta.</param>
/// <param name="IsNumber">Digits only.</param>
/// <param name="AfterBreak">Punctuation (. , ? ! ; : …) stands between this token and the one before it.</param>
internal readonly record struct Token(string Text, string Key, bool IsNumber, bool AfterBreak);

/// <summary>Splits chat messages into words; shared by language detection, sentiment and key phrases.</summary>
internal static class TextTokens
{
    public static IReadOnlyList<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        var brk = false;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (IsWordChar(c))
            {
                var start = i;
                while (i < text.Length && (IsWordChar(text[i]) || IsJoiner(text, i)))
                    i++;
                var word = text[start..i];
                tokens.Add(new Token(word, Key(word), false, brk));
                brk = false;
            }
            else if (char.IsDigit(c))
            {
                var start = i;
                while (i < text.Length && char.IsDigit(text[i]))
                    i++;
                tokens.Add(new Token(text[start..i], text[start..i], true, brk));
                brk = false;
            }
            else
            {
                if (!char.IsWhiteSpace(c) && c is not ('-' or '\'' or '"' or '«' or '»' or '“' or '”' or '/' or '&' or '+' or '%'))
                    brk = true;
                i++;
            }
        }
        return tokens;
    }

    /// <summary>Letters and the combining marks written on them (Arabic vowel signs, accents).</summary>
    public static bool IsWordChar(char c) =>
        char.IsLetter(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;

    /// <summary>An apostrophe or hyphen between two letters belongs to the word (м'ясо, don't, TE-toimisto).</summary>
    private static bool IsJoiner(string text, int i) =>
        text[i] is '\'' or '’' or 'ʼ' or '-' or '‐'
        && i > 0 && IsWordChar(text[i - 1])
        && i + 1 < text.Length && IsWordChar(text[i + 1]);

    public static string Key(string word)
    {
        var builder = new StringBuilder(word.Length);
        foreach (var c in word)
        {
            switch (c)
            {
                case >= '\u064B' and <= '\u065F' or '\u0670' or '\u0640':
                    continue; // Arabic vowel signs, superscript alef, tatweel
                case 'أ' or 'إ' or 'آ' or 'ٱ':
                    builder.Append('ا');
                    break;
                case 'ى':
                    builder.Append('ي');
                    break;
                case 'ة':
                    builder.Append('ه');
                    break;
                case 'ё' or 'Ё':
                    builder.Append('е');
                    break;
                case '’' or 'ʼ':
                    builder.Append('\'');
                    break;
                default:
                    builder.Append(char.ToLowerInvariant(c));
                    break;
            }
        }
        return builder.ToString();
    }

    public static Script ScriptOf(char c) => c switch
    {
        >= 'a' and <= 'z' or >= 'A' and <= 'Z' => Script.Latin,
        >= '\u00C0' and <= '\u024F' when c is not ('×' or '÷') => Script.Latin,
        >= '\u0370' and <= '\u03FF' => Script.Greek,
        >= '\u0400' and <= '\u052F' => Script.Cyrillic,
        >= '\u0530' and <= '\u058F' => Script.Armenian,
        >= '\u0590' and <= '\u05FF' => Script.Hebrew,
        >= '\u0600' and <= '\u06FF' or >= '\u0750' and <= '\u077F' or >= '\u08A0' and <= '\u08FF' => Script.Arabic,
        >= '\uFB50' and <= '\uFDFF' or >= '\uFE70' and <= '\uFEFF' => Script.Arabic,
        >= '\u0900' and <= '\u097F' => Script.Devanagari,
        >= '\u0E00' and <= '\u0E7F' => Script.Thai,
        >= '\u10A0' and <= '\u10FF' => Script.Georgian,
        >= '\u1100' and <= '\u11FF' or >= '\u3130' and <= '\u318F' or >= '\uAC00' and <= '\uD7AF' => Script.Hangul,
        >= '\u3040' and <= '\u30FF' => Script.Kana,
        >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF' => Script.Han,
        _ when char.IsLetter(c) => Script.Other,
        _ => Script.None,
    };

    /// <summary>True when a Latin or Cyrillic word of three letters or more is written in capitals (shouting).</summary>
    public static bool IsShouted(string word)
    {
        var letters = 0;
        foreach (var c in word)
        {
            if (!char.IsLetter(c))
                continue;
            if (!char.IsUpper(c) || ScriptOf(c) is not (Script.Latin or Script.Cyrillic))
                return false;
            letters++;
        }
        return letters >= 3;
    }
}
