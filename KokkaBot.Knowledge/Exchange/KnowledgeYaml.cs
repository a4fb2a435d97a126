using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.EventEmitters;
using YamlDotNet.Serialization.NamingConventions;

namespace KokkaBot.Knowledge.Exchange;

/// <summary>What an import or a content file could not take, and where.</summary>
public sealed record ExchangeProblem(int Item, string? Slug, int? Line, string Message);

/// <summary>The YAML format of Content/README.md: read entry by entry (one bad entry does not spoil the others) and written back losslessly.</summary>
public static class KnowledgeYaml
{
    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .WithTypeConverter(new DateOnlyConverter())
        .Build();

    private static readonly ISerializer Serializer = new SerializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .WithTypeConverter(new DateOnlyConverter())
        .ConfigureDefaultValuesHandling(DefaultValuesHandling.OmitNull | DefaultValuesHandling.OmitEmptyCollections)
        .WithEventEmitter(next => new MultilineLiteralEmitter(next))
        .DisableAliases()
        .Build();

    public static (IReadOnlyList<EntryDocument> Entries, IReadOnlyList<ExchangeProblem> Problems) Read(TextReader reader)
    {
        var entries = new List<EntryDocument>();
        var problems = new List<ExchangeProblem>();
        var stream = new YamlStream();
        try
        {
            stream.Load(reader);
        }
        catch (YamlException e)
        {
            problems.Add(new ExchangeProblem(0, null, (int)e.Start.Line, $"The file is not valid YAML: {e.Message}"));
            return (entries, problems);
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
            return (entries, problems);
        if (stream.Documents[0].RootNode is not YamlSequenceNode sequence)
        {
            problems.Add(new ExchangeProblem(0, null, (int)stream.Documents[0].RootNode.Start.Line, "The file must be a list of entries (each starting with '- slug: …')."));
            return (entries, problems);
        }

        var item = 0;
        foreach (var node in sequence.Children)
        {
            item++;
            var slug = node is YamlMappingNode map && map.Children.TryGetValue(new YamlScalarNode("slug"), out var s) ? (s as YamlScalarNode)?.Value : null;
            try
            {
                using var text = new StringWriter(CultureInfo.InvariantCulture);
                new YamlStream(new YamlDocument(node)).Save(text, assignAnchors: false);
                entries.Add(Deserializer.Deserialize<EntryDocument>(text.ToString()) ?? throw new YamlException("The entry is empty."));
            }
            catch (YamlException e)
            {
                var message = e.InnerException?.Message ?? e.Message;
                problems.Add(new ExchangeProblem(item, slug, (int)node.Start.Line + (int)Math.Max(0, e.Start.Line - 1), $"The entry could not be read: {message}"));
            }
        }
        return (entries, problems);
    }

    public static void Write(IEnumerable<EntryDocument> entries, TextWriter writer) =>
        Serializer.Serialize(writer, entries.ToList());

    public static string Write(IEnumerable<EntryDocument> entries)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        Write(entries, writer);
        return writer.ToString();
    }

    private sealed class DateOnlyConverter : IYamlTypeConverter
    {
        public bool Accepts(Type type) => type == typeof(DateOnly) || type == typeof(DateOnly?);

        public object? ReadYaml(IParser parser, Type type, ObjectDeserializer rootDeserializer)
        {
            var scalar = parser.Consume<Scalar>();
            if (string.IsNullOrWhiteSpace(scalar.Value) && type == typeof(DateOnly?))
                return null;
            return DateOnly.TryParseExact(scalar.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                ? date
                : throw new YamlException(scalar.Start, scalar.End, $"'{scalar.Value}' is not a date: write it as 2026-11-27.");
        }

        public void WriteYaml(IEmitter emitter, object? value, Type type, ObjectSerializer serializer) =>
            emitter.Emit(new Scalar(((DateOnly)value!).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
    }

    /// <summary>Texts with line breaks are written as literal blocks, as people write them by hand.</summary>
    private sealed class MultilineLiteralEmitter(IEventEmitter next) : ChainedEventEmitter(next)
    {
        public override void Emit(ScalarEventInfo eventInfo, IEmitter emitter)
        {
            if (eventInfo.Source.Value is string text && text.Contains('\n', StringComparison.Ordinal) && !text.Contains('\t', StringComparison.Ordinal) && !text.Contains(" \n", StringComparison.Ordinal))
                eventInfo.Style = ScalarStyle.Literal;
            base.Emit(eventInfo, emitter);
        }
    }
}
