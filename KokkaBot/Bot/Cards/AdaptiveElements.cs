using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace KokkaBot.Bot.Cards;

/// <summary>An element of an Adaptive Card's body; its JSON <c>type</c> is written from the record's kind.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(TextBlock), "TextBlock")]
[JsonDerivedType(typeof(FactSet), "FactSet")]
[JsonDerivedType(typeof(Image), "Image")]
[JsonDerivedType(typeof(Container), "Container")]
[JsonDerivedType(typeof(ColumnSet), "ColumnSet")]
[JsonDerivedType(typeof(ActionSet), "ActionSet")]
public abstract record CardElement
{
    public string? Id { get; init; }
    public Spacing? Spacing { get; init; }
    public bool? Separator { get; init; }
}

/// <summary>Text; wraps by default (the schema's default is not to wrap, which cuts long sentences).</summary>
public sealed record TextBlock(string Text) : CardElement
{
    public bool Wrap { get; init; } = true;
    public TextSize? Size { get; init; }
    public TextWeight? Weight { get; init; }
    public TextColor? Color { get; init; }
    public bool? IsSubtle { get; init; }
    public HorizontalAlignment? HorizontalAlignment { get; init; }
    public int? MaxLines { get; init; }

    /// <summary><see cref="TextBlockStyle.Heading"/> (1.5) marks the text as a heading for screen readers.</summary>
    public TextBlockStyle? Style { get; init; }
}

/// <summary>Title/value pairs shown as a two-column table.</summary>
public sealed record FactSet(IReadOnlyList<Fact> Facts) : CardElement;

public sealed record Fact(string Title, string Value);

public sealed record Image(string Url) : CardElement
{
    public string? AltText { get; init; }
    public ImageSize? Size { get; init; }
    public ImageStyle? Style { get; init; }
    public HorizontalAlignment? HorizontalAlignment { get; init; }
}

public sealed record Container(IReadOnlyList<CardElement> Items) : CardElement
{
    public ContainerStyle? Style { get; init; }
    public bool? Rtl { get; init; }
}

public sealed record ColumnSet(IReadOnlyList<Column> Columns) : CardElement;

/// <summary>A column of a <see cref="ColumnSet"/>.</summary>
public sealed record Column(IReadOnlyList<CardElement> Items)
{
    [JsonPropertyOrder(-1)]
    public string Type => "Column";

    public ColumnWidth? Width { get; init; }
    public ContainerStyle? Style { get; init; }
    public bool? Rtl { get; init; }
}

/// <summary>Buttons placed inside the body rather than at the card's foot.</summary>
public sealed record ActionSet(IReadOnlyList<AdaptiveAction> Actions) : CardElement;

/// <summary>A column's width: <c>"auto"</c>, <c>"stretch"</c>, a relative weight (a number) or pixels (<c>"80px"</c>).</summary>
[JsonConverter(typeof(ColumnWidthConverter))]
public readonly record struct ColumnWidth
{
    private ColumnWidth(string? keyword, int amount)
    {
        Keyword = keyword;
        Amount = amount;
    }

    internal string? Keyword { get; }
    internal int Amount { get; }

    public static ColumnWidth Auto { get; } = new("auto", 0);
    public static ColumnWidth Stretch { get; } = new("stretch", 0);

    /// <summary>A share of the free width relative to the other weighted columns.</summary>
    public static ColumnWidth Weight(int weight) =>
        weight > 0 ? new(null, weight) : throw new ArgumentOutOfRangeException(nameof(weight), weight, "A column weight is positive.");

    public static ColumnWidth Pixels(int pixels) =>
        pixels > 0 ? new("px", pixels) : throw new ArgumentOutOfRangeException(nameof(pixels), pixels, "A column width is positive.");
}

internal sealed class ColumnWidthConverter : JsonConverter<ColumnWidth>
{
    // Cards are only written: the bot sends them, channels never send them back.
    public override ColumnWidth Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("Adaptive Card column widths are written, not read.");

    public override void Write(Utf8JsonWriter writer, ColumnWidth value, JsonSerializerOptions options)
    {
        switch (value.Keyword)
        {
            case null:
                writer.WriteNumberValue(value.Amount);
                break;
            case "px":
                writer.WriteStringValue(value.Amount.ToString(CultureInfo.InvariantCulture) + "px");
                break;
            default:
                writer.WriteStringValue(value.Keyword);
                break;
        }
    }
}

// Enum values are written in camelCase ("extraLarge"), as the schema spells them.

[JsonConverter(typeof(CamelCaseEnumConverter<TextSize>))]
public enum TextSize { Default, Small, Medium, Large, ExtraLarge }

[JsonConverter(typeof(CamelCaseEnumConverter<TextWeight>))]
public enum TextWeight { Default, Lighter, Bolder }

[JsonConverter(typeof(CamelCaseEnumConverter<TextColor>))]
public enum TextColor { Default, Dark, Light, Accent, Good, Warning, Attention }

[JsonConverter(typeof(CamelCaseEnumConverter<TextBlockStyle>))]
public enum TextBlockStyle { Default, Heading }

[JsonConverter(typeof(CamelCaseEnumConverter<HorizontalAlignment>))]
public enum HorizontalAlignment { Left, Center, Right }

[JsonConverter(typeof(CamelCaseEnumConverter<Spacing>))]
public enum Spacing { Default, None, Small, Medium, Large, ExtraLarge, Padding }

[JsonConverter(typeof(CamelCaseEnumConverter<ImageSize>))]
public enum ImageSize { Auto, Stretch, Small, Medium, Large }

[JsonConverter(typeof(CamelCaseEnumConverter<ImageStyle>))]
public enum ImageStyle { Default, Person }

[JsonConverter(typeof(CamelCaseEnumConverter<ContainerStyle>))]
public enum ContainerStyle { Default, Emphasis, Good, Attention, Warning, Accent }

[JsonConverter(typeof(CamelCaseEnumConverter<ActionStyle>))]
public enum ActionStyle { Default, Positive, Destructive }

internal sealed class CamelCaseEnumConverter<TEnum>() : JsonStringEnumConverter<TEnum>(JsonNamingPolicy.CamelCase, allowIntegerValues: false)
    where TEnum : struct, Enum;
