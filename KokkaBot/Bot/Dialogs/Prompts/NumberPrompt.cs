using System.Globalization;
using System.Numerics;
using System.Text.RegularExpressions;
using KokkaBot.Bot.Schema;

namespace KokkaBot.Bot.Dialogs.Prompts;

/// <summary>
/// Asks for a number and finds it in the answer ("I have 2 kids" → 2), reading decimals the way the
/// user's language writes them ("2,5" in Finnish, "2.5" in English).
/// </summary>
public sealed class NumberPrompt<T>(string id, PromptValidator<T>? validator = null) : Prompt<T>(id, validator)
    where T : INumber<T>
{
    protected override Task OnPromptAsync(TurnContext turn, PromptOptions options, bool isRetry, CancellationToken cancellationToken) =>
        turn.SendActivityAsync(PromptActivity(options, isRetry) with { InputHint = InputHints.ExpectingInput }, cancellationToken);

    protected override Task<PromptRecognizerResult<T>> OnRecognizeAsync(TurnContext turn, PromptOptions options, CancellationToken cancellationToken) =>
        Task.FromResult(NumberRecognizer.TryParse<T>(turn.Activity.Text, options.Locale ?? turn.Activity.Locale, out var value)
            ? new PromptRecognizerResult<T>(true, value)
            : new PromptRecognizerResult<T>(false));
}

/// <summary>Finds a number in what the user wrote, reading decimals the way their language writes them.</summary>
public static partial class NumberRecognizer
{
    public static bool TryParse<T>(string? text, string? locale, out T value)
        where T : INumber<T>
    {
        value = T.Zero;
        if (string.IsNullOrWhiteSpace(text))
            return false;
        var match = NumberPattern().Match(text);
        if (!match.Success)
            return false;

        // Group separators (spaces) go; the decimal mark becomes invariant.
        var raw = string.Concat(match.Value.Where(c => !char.IsWhiteSpace(c)));
        if (raw.Contains(',', StringComparison.Ordinal))
        {
            var commaIsGrouping = !DecimalMarkIsComma(locale) && (raw.Contains('.', StringComparison.Ordinal) || EnglishGrouping().IsMatch(raw));
            raw = commaIsGrouping ? raw.Replace(",", "", StringComparison.Ordinal) : raw.Replace(',', '.');
        }
        if (!T.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed))
            return false;
        value = parsed;
        return true;
    }

    private static bool DecimalMarkIsComma(string? locale)
    {
        try
        {
            return CultureInfo.GetCultureInfo(string.IsNullOrWhiteSpace(locale) ? "en" : locale).NumberFormat.NumberDecimalSeparator == ",";
        }
        catch (CultureNotFoundException)
        {
            return false;
        }
    }

    [GeneratedRegex(@"[-+]?\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:[.,]\d+)?|[-+]?\d+(?:[.,]\d+)*")]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"^[-+]?\d{1,3}(?:,\d{3})+$")]
    private static partial Regex EnglishGrouping();
}
