using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Json.Schema;
using KokkaBot.Knowledge.Model;
using KnowledgeVocabulary = KokkaBot.Knowledge.Model.Vocabulary;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace KokkaBot.ServicePaths;

/// <summary>A service path file that cannot be used: where, and why.</summary>
public sealed class ServicePathException(string file, int line, string reason)
    : Exception($"Service path dialogs/{file}, line {line}: {reason}")
{
    public string File { get; } = file;
    public int Line { get; } = line;
    public string Reason { get; } = reason;
}

/// <summary>
/// Reads <c>dialogs/*.yaml</c>: the YAML is checked against <c>service-path.schema.json</c> (the same
/// schema editors use), then for what a schema cannot say (texts that exist, answers asked before
/// they are used, checklist order). Every problem names the file and line.
/// </summary>
public sealed class ServicePathLoader(JsonSchema schema, PathTexts texts)
{
    public const string SchemaFile = "service-path.schema.json";

    public static ServicePathLoader ForDirectory(string directory, PathTexts texts) =>
        new(JsonSchema.FromText(File.ReadAllText(Path.Combine(directory, SchemaFile))), texts);

    public IReadOnlyList<ServicePath> LoadDirectory(string directory)
    {
        var paths = Directory.EnumerateFiles(directory, "*.yaml")
            .Order(StringComparer.Ordinal)
            .Select(file => Load(Path.GetFileName(file), File.ReadAllText(file)))
            .ToList();
        var duplicate = paths.GroupBy(p => p.Id).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new ServicePathException(duplicate.Last().File, 1, $"The id '{duplicate.Key}' is already used by {duplicate.First().File}.");
        var sameMenu = paths.GroupBy(p => p.Menu).FirstOrDefault(g => g.Count() > 1);
        if (sameMenu is not null)
            throw new ServicePathException(sameMenu.Last().File, 1, $"The menu item '{sameMenu.Key}' already starts {sameMenu.First().File}.");
        return paths;
    }

    public ServicePath Load(string file, string yaml)
    {
        var lines = new Dictionary<string, int>(StringComparer.Ordinal);
        JsonNode? json;
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            if (stream.Documents.Count != 1)
                throw new ServicePathException(file, 1, "A service path file holds exactly one YAML document.");
            json = ToJson(stream.Documents[0].RootNode, "", lines);
        }
        catch (YamlException e)
        {
            throw new ServicePathException(file, (int)e.Start.Line, $"Not valid YAML: {e.InnerException?.Message ?? e.Message}");
        }

        var results = schema.Evaluate(json, new EvaluationOptions { OutputFormat = OutputFormat.Hierarchical });
        if (!results.IsValid)
        {
            var (location, message) = FirstError(results);
            throw new ServicePathException(file, LineOf(lines, location), string.IsNullOrEmpty(location) ? message : $"{location}: {message}");
        }

        var root = json!.AsObject();
        var path = new ServicePath(
            (string)root["id"]!,
            (string)root["menu"]!,
            file,
            Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(yaml)))[..12].ToLowerInvariant(),
            ReadSteps(root["steps"]!.AsArray(), "/steps", lines));
        Check(path);
        return path;
    }

    private static List<PathStep> ReadSteps(JsonArray steps, string at, Dictionary<string, int> lines)
    {
        var result = new List<PathStep>(steps.Count);
        for (var i = 0; i < steps.Count; i++)
        {
            var step = steps[i]!.AsObject();
            var pointer = $"{at}/{i}";
            var line = lines[pointer];
            var when = Conditions(step["when"]);
            result.Add(step switch
            {
                _ when step.ContainsKey("say") => new SayStep(line, when, (string)step["say"]!,
                    step["links"]?.AsArray().Select(l => new PathLink((string)l!["text"]!, (string)l["url"]!)).ToList() ?? []),
                _ when step.ContainsKey("ask") => new AskStep(line, when, (string)step["ask"]!, (string)step["text"]!,
                    Enum.Parse<AskKind>((string?)step["expect"] ?? "choice", ignoreCase: true),
                    step["choices"]?.AsArray().Select(c => new PathChoice(
                        (string)c!["value"]!, (string)c["text"]!,
                        c["synonyms"]?.AsArray().Select(s => (string)s!).ToList() ?? [])).ToList() ?? []),
                _ when step.ContainsKey("show") => ShowOf(line, when, step),
                _ when step.ContainsKey("checklist") => new ChecklistStep(line, when, (string)step["checklist"]!, (string?)step["intro"],
                    step["items"]!.AsArray().Select((item, j) => new ChecklistItem(
                        lines[$"{pointer}/items/{j}"],
                        (string)item!["item"]!,
                        (string)item["text"]!,
                        (string?)item["show"],
                        item["after"]?.AsArray().Select(a => (string)a!).ToList() ?? [],
                        Conditions(item["when"]))).ToList()),
                _ => new AdvisorStep(line, when, (string)step["advisor"]!),
            });
        }
        return result;
    }

    private static ShowStep ShowOf(int line, IReadOnlyList<Condition> when, JsonObject step)
    {
        var show = step["show"]!.AsObject();
        return new ShowStep(line, when, (string?)step["intro"],
            show["slugs"]?.AsArray().Select(s => (string)s!).ToList() ?? [],
            (string?)show["query"],
            (string?)show["category"],
            show["kind"] is { } kind ? Enum.Parse<EntryKind>((string)kind!, ignoreCase: true) : null,
            (int?)show["max"] ?? 3);
    }

    private static List<Condition> Conditions(JsonNode? when) =>
        when?.AsObject().Select(pair =>
        {
            var values = pair.Value is JsonArray list ? list.Select(v => (string)v!).ToList() : [(string)pair.Value!];
            var negated = values.All(v => v.StartsWith('!'));
            return new Condition(pair.Key, values.Select(v => v.TrimStart('!')).ToList(), negated);
        }).ToList() ?? [];

    /// <summary>What the schema cannot check.</summary>
    private void Check(ServicePath path)
    {
        var asked = new Dictionary<string, AskStep>(StringComparer.Ordinal);
        var checklists = new HashSet<string>(StringComparer.Ordinal);
        foreach (var step in path.Steps)
        {
            CheckConditions(path, step.Line, step.When, asked);
            switch (step)
            {
                case SayStep say:
                    RequireText(path, say.Line, say.Text);
                    foreach (var link in say.Links)
                        RequireText(path, say.Line, link.Text);
                    break;
                case AskStep ask:
                    RequireText(path, ask.Line, ask.Text);
                    if (!asked.TryAdd(ask.Answer, ask))
                        throw new ServicePathException(path.File, ask.Line, $"The answer '{ask.Answer}' is asked twice.");
                    if (ask.Kind == AskKind.Choice && ask.Choices.Count < 2)
                        throw new ServicePathException(path.File, ask.Line, $"'{ask.Answer}' asks for a choice: give at least two choices.");
                    if (ask.Kind != AskKind.Choice && ask.Choices.Count > 0)
                        throw new ServicePathException(path.File, ask.Line, $"'{ask.Answer}' expects {ask.Kind.ToString().ToLowerInvariant()}: choices are only for expect: choice.");
                    if (ask.Choices.GroupBy(c => c.Value).FirstOrDefault(g => g.Count() > 1) is { } twice)
                        throw new ServicePathException(path.File, ask.Line, $"The choice '{twice.Key}' appears twice.");
                    foreach (var choice in ask.Choices)
                        RequireText(path, ask.Line, choice.Text);
                    break;
                case ShowStep show:
                    if (show.Intro is not null)
                        RequireText(path, show.Line, show.Intro);
                    if (show.Slugs.Count == 0 && show.Query is null && show.Category is null)
                        throw new ServicePathException(path.File, show.Line, "show needs slugs, a query or a category.");
                    if (show.Category is not null && !KnowledgeVocabulary.IsCategory(show.Category))
                        throw new ServicePathException(path.File, show.Line, $"Unknown category '{show.Category}'. Known: {string.Join(", ", KnowledgeVocabulary.Categories.Select(c => c.Slug))}.");
                    break;
                case ChecklistStep checklist:
                    if (!checklists.Add(checklist.Id))
                        throw new ServicePathException(path.File, checklist.Line, $"The checklist '{checklist.Id}' appears twice.");
                    if (checklist.Intro is not null)
                        RequireText(path, checklist.Line, checklist.Intro);
                    CheckItems(path, checklist, asked);
                    break;
                case AdvisorStep advisor:
                    RequireText(path, advisor.Line, advisor.Text);
                    break;
            }
        }
    }

    private void CheckItems(ServicePath path, ChecklistStep checklist, Dictionary<string, AskStep> asked)
    {
        var earlier = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in checklist.Items)
        {
            RequireText(path, item.Line, item.Text);
            CheckConditions(path, item.Line, item.When, asked);
            foreach (var before in item.After)
            {
                if (before == item.Id)
                    throw new ServicePathException(path.File, item.Line, $"The item '{item.Id}' cannot come after itself.");
                if (!earlier.Contains(before))
                    throw new ServicePathException(path.File, item.Line,
                        $"The item '{item.Id}' comes after '{before}', which is not an earlier item of this checklist.");
            }
            if (!earlier.Add(item.Id))
                throw new ServicePathException(path.File, item.Line, $"The item '{item.Id}' appears twice.");
        }
    }

    private static void CheckConditions(ServicePath path, int line, IReadOnlyList<Condition> when, Dictionary<string, AskStep> asked)
    {
        foreach (var condition in when)
        {
            if (!condition.Subject.StartsWith(Condition.AnswerPrefix, StringComparison.Ordinal))
                continue;
            var answer = condition.Subject[Condition.AnswerPrefix.Length..];
            if (!asked.TryGetValue(answer, out var ask))
                throw new ServicePathException(path.File, line, $"'{condition.Subject}' is used before a step asks '{answer}'.");
            var unknown = condition.Values.FirstOrDefault(v => ask.Kind == AskKind.Choice && ask.Choices.All(c => c.Value != v)
                || ask.Kind == AskKind.Confirm && v is not ("yes" or "no"));
            if (unknown is not null)
                throw new ServicePathException(path.File, line, $"'{unknown}' is not an answer to '{answer}'.");
        }
    }

    private void RequireText(ServicePath path, int line, string key)
    {
        var missing = PathTexts.CompleteLanguages.FirstOrDefault(language => !texts.Has(language, key));
        if (missing is not null)
            throw new ServicePathException(path.File, line, $"The text '{key}' is missing from dialogs/texts/{missing}.yaml.");
    }

    /// <summary>
    /// The most specific error: followed down through failing schemas only (a failing <c>if</c> or an
    /// unchosen <c>oneOf</c> branch of a valid step is not an error), the deepest place in the document.
    /// </summary>
    private static (string Location, string Message) FirstError(EvaluationResults results) =>
        Failures(results)
            .OrderByDescending(d => d.InstanceLocation.Count)
            .ThenBy(d => d.EvaluationPath.Count)
            .Select(d => (d.InstanceLocation.ToString(), string.Join("; ", d.Errors!.Values)))
            .FirstOrDefault(("", "does not match the service path schema"));

    private static IEnumerable<EvaluationResults> Failures(EvaluationResults node)
    {
        if (node.IsValid)
            yield break;
        if (node.HasErrors)
            yield return node;
        foreach (var child in node.Details)
            foreach (var failure in Failures(child))
                yield return failure;
    }

    private static int LineOf(Dictionary<string, int> lines, string pointer)
    {
        while (true)
        {
            if (lines.TryGetValue(pointer, out var line))
                return line;
            var cut = pointer.LastIndexOf('/');
            if (cut < 0)
                return 1;
            pointer = pointer[..cut];
        }
    }

    /// <summary>YAML to JSON for the schema, remembering the line of every node by its JSON pointer.</summary>
    private static JsonNode? ToJson(YamlNode node, string pointer, Dictionary<string, int> lines)
    {
        lines[pointer] = (int)node.Start.Line;
        switch (node)
        {
            case YamlMappingNode map:
                var obj = new JsonObject();
                foreach (var (key, value) in map.Children)
                {
                    var name = ((YamlScalarNode)key).Value ?? "";
                    var child = $"{pointer}/{name.Replace("~", "~0").Replace("/", "~1")}";
                    obj[name] = ToJson(value, child, lines);
                    lines[child] = (int)key.Start.Line;
                }
                return obj;
            case YamlSequenceNode list:
                var array = new JsonArray();
                var i = 0;
                foreach (var item in list.Children)
                    array.Add(ToJson(item, $"{pointer}/{i++}", lines));
                return array;
            case YamlScalarNode scalar when scalar.Style == ScalarStyle.Plain:
                return scalar.Value switch
                {
                    null or "" or "~" or "null" => null,
                    "true" => JsonValue.Create(true),
                    "false" => JsonValue.Create(false),
                    var text when int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) => JsonValue.Create(number),
                    var text when long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var large) => JsonValue.Create(large),
                    var text => JsonValue.Create(text),
                };
            case YamlScalarNode scalar:
                return JsonValue.Create(scalar.Value ?? "");
            default:
                throw new YamlException(node.Start, node.End, "Aliases and tags are not supported in service paths.");
        }
    }
}
