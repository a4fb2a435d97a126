using System.Globalization;
using System.Text;
using KokkaBot.Knowledge.Model;

namespace KokkaBot.Knowledge.Exchange;

/// <summary>
/// Entries as a spreadsheet: one row per entry, one column per field and per language (RFC 4180,
/// UTF-8). Lists are joined with "; ". Writes and reads the same columns, so a round trip keeps everything.
/// </summary>
public static class KnowledgeCsv
{
    private static readonly string[] FixedColumns =
    [
        "slug", "kind", "category", "towns", "status", "owner",
        "source_name", "source_url", "source_date", "source_check", "source_facts", "verified", "review_due",
        "contact_address", "contact_phone", "contact_email", "contact_url", "contact_hours", "contact_latitude", "contact_longitude",
        "employer_sector", "employer_size", "employer_languages", "employer_careers_url", "employer_interns", "employer_thesis", "employer_summer",
    ];

    private static readonly string[] TextFields = ["title", "summary", "body", "keywords"];
    private static readonly string[] RequiredColumns = ["slug", "kind", "category"];

    public static IReadOnlyList<string> Columns { get; } =
        [.. FixedColumns, .. Vocabulary.Languages.SelectMany(l => TextFields.Select(f => $"{l}_{f}"))];

    public static string Write(IEnumerable<EntryDocument> entries)
    {
        var csv = new StringBuilder();
        AppendRow(csv, Columns);
        foreach (var e in entries)
        {
            var row = new List<string?>
            {
                e.Slug, e.Kind, e.Category, Join(e.Towns), e.Status, e.Owner,
                e.Source.Name, e.Source.Url, e.Source.Date, e.Source.Check ? "true" : "false", Join(e.Source.Facts),
                Date(e.Verified), Date(e.ReviewDue),
                e.Contact?.Address, e.Contact?.Phone, e.Contact?.Email, e.Contact?.Url, e.Contact?.Hours,
                Number(e.Contact?.Latitude), Number(e.Contact?.Longitude),
                e.Employer?.Sector, e.Employer?.Size, e.Employer is null ? null : Join(e.Employer.WorkingLanguages), e.Employer?.CareersUrl,
                Flag(e.Employer?.Interns), Flag(e.Employer?.Thesis), Flag(e.Employer?.Summer),
            };
            foreach (var language in Vocabulary.Languages)
            {
                var text = e.Content.GetValueOrDefault(language);
                row.Add(text?.Title);
                row.Add(text?.Summary);
                row.Add(text?.Body);
                row.Add(text is null ? null : Join(text.Keywords));
            }
            AppendRow(csv, row);
        }
        return csv.ToString();
    }

    public static (IReadOnlyList<EntryDocument> Entries, IReadOnlyList<ExchangeProblem> Problems) Read(string text)
    {
        var entries = new List<EntryDocument>();
        var problems = new List<ExchangeProblem>();
        var rows = Parse(text, out var parseError);
        if (parseError is not null)
        {
            problems.Add(new ExchangeProblem(0, null, parseError.Value.Line, parseError.Value.Message));
            return (entries, problems);
        }
        if (rows.Count == 0)
            return (entries, problems);

        var header = rows[0].Cells;
        var missing = RequiredColumns.Where(c => !header.Contains(c)).ToArray();
        if (missing.Length > 0)
        {
            problems.Add(new ExchangeProblem(0, null, 1, $"The header lacks the column(s) {string.Join(", ", missing)}. Export once to see the expected columns."));
            return (entries, problems);
        }
        var unknown = header.Where(c => !Columns.Contains(c)).ToArray();
        if (unknown.Length > 0)
            problems.Add(new ExchangeProblem(0, null, 1, $"Unknown column(s) ignored: {string.Join(", ", unknown)}."));

        for (var r = 1; r < rows.Count; r++)
        {
            var (line, cells) = rows[r];
            if (cells.All(string.IsNullOrEmpty))
                continue;
            string? Cell(string column)
            {
                var index = Array.IndexOf(header, column);
                return index >= 0 && index < cells.Length && cells[index].Length > 0 ? cells[index] : null;
            }
            try
            {
                var content = new Dictionary<string, TextDocument>();
                foreach (var language in Vocabulary.Languages)
                {
                    var doc = new TextDocument
                    {
                        Title = Cell($"{language}_title"),
                        Summary = Cell($"{language}_summary"),
                        Body = Cell($"{language}_body"),
                        Keywords = Split(Cell($"{language}_keywords")),
                    };
                    if (doc.Title is not null || doc.Summary is not null || doc.Body is not null || doc.Keywords.Count > 0)
                        content[language] = doc;
                }
                var hasEmployer = FixedColumns.Where(c => c.StartsWith("employer_", StringComparison.Ordinal)).Any(c => Cell(c) is not null);
                var hasContact = FixedColumns.Where(c => c.StartsWith("contact_", StringComparison.Ordinal)).Any(c => Cell(c) is not null);
                entries.Add(new EntryDocument
                {
                    Slug = Cell("slug") ?? "",
                    Kind = Cell("kind") ?? "",
                    Category = Cell("category") ?? "",
                    Towns = Split(Cell("towns")),
                    Status = Cell("status") ?? "draft",
                    Owner = Cell("owner"),
                    Source = new SourceDocument
                    {
                        Name = Cell("source_name"),
                        Url = Cell("source_url"),
                        Date = Cell("source_date"),
                        Check = ParseFlag(Cell("source_check"), "source_check") ?? false,
                        Facts = Split(Cell("source_facts")),
                    },
                    Verified = ParseDate(Cell("verified"), "verified"),
                    ReviewDue = ParseDate(Cell("review_due"), "review_due"),
                    Contact = hasContact ? new ContactDocument
                    {
                        Address = Cell("contact_address"),
                        Phone = Cell("contact_phone"),
                        Email = Cell("contact_email"),
                        Url = Cell("contact_url"),
                        Hours = Cell("contact_hours"),
                        Latitude = ParseNumber(Cell("contact_latitude"), "contact_latitude"),
                        Longitude = ParseNumber(Cell("contact_longitude"), "contact_longitude"),
                    } : null,
                    Employer = hasEmployer ? new EmployerDocument
                    {
                        Sector = Cell("employer_sector"),
                        Size = Cell("employer_size"),
                        WorkingLanguages = Split(Cell("employer_languages")),
                        CareersUrl = Cell("employer_careers_url"),
                        Interns = ParseFlag(Cell("employer_interns"), "employer_interns"),
                        Thesis = ParseFlag(Cell("employer_thesis"), "employer_thesis"),
                        Summer = ParseFlag(Cell("employer_summer"), "employer_summer"),
                    } : null,
                    Content = content,
                });
            }
            catch (FormatException e)
            {
                problems.Add(new ExchangeProblem(r, Cell("slug"), line, e.Message));
            }
        }
        return (entries, problems);
    }

    private static string Join(IEnumerable<string> values) => string.Join("; ", values);

    private static List<string> Split(string? value) =>
        value is null ? [] : value.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();

    private static string? Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string? Number(double? number) => number?.ToString("R", CultureInfo.InvariantCulture);

    private static string? Flag(bool? flag) => flag switch { true => "true", false => "false", null => null };

    private static DateOnly? ParseDate(string? value, string column) =>
        value is null ? null
        : DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date
        : throw new FormatException($"{column}: '{value}' is not a date; write it as 2026-11-27.");

    private static double? ParseNumber(string? value, string column) =>
        value is null ? null
        : double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number
        : throw new FormatException($"{column}: '{value}' is not a number; use a dot for decimals.");

    private static bool? ParseFlag(string? value, string column) => value?.ToLowerInvariant() switch
    {
        null => null,
        "true" or "yes" or "kyllä" or "1" => true,
        "false" or "no" or "ei" or "0" => false,
        _ => throw new FormatException($"{column}: '{value}' is neither true nor false."),
    };

    private static void AppendRow(StringBuilder csv, IEnumerable<string?> cells)
    {
        var first = true;
        foreach (var cell in cells)
        {
            if (!first)
                csv.Append(',');
            first = false;
            if (cell is null)
                continue;
            if (cell.IndexOfAny([',', '"', '\n', '\r']) >= 0 || cell.StartsWith(' ') || cell.EndsWith(' '))
                csv.Append('"').Append(cell.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            else
                csv.Append(cell);
        }
        csv.Append("\r\n");
    }

    private static List<(int Line, string[] Cells)> Parse(string text, out (int Line, string Message)? error)
    {
        error = null;
        var rows = new List<(int, string[])>();
        var cells = new List<string>();
        var cell = new StringBuilder();
        var line = 1;
        var rowLine = 1;
        var quoted = false;
        var i = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    if (c == '\n')
                        line++;
                    cell.Append(c);
                }
                continue;
            }
            switch (c)
            {
                case '"' when cell.Length == 0:
                    quoted = true;
                    break;
                case ',':
                    cells.Add(cell.ToString());
                    cell.Clear();
                    break;
                case '\r':
                    break;
                case '\n':
                    cells.Add(cell.ToString());
                    cell.Clear();
                    rows.Add((rowLine, cells.ToArray()));
                    cells.Clear();
                    line++;
                    rowLine = line;
                    break;
                default:
                    cell.Append(c);
                    break;
            }
        }
        if (quoted)
        {
            error = (rowLine, "A quoted cell is never closed (a missing '\"').");
            return rows;
        }
        if (cell.Length > 0 || cells.Count > 0)
        {
            cells.Add(cell.ToString());
            rows.Add((rowLine, cells.ToArray()));
        }
        return rows;
    }
}
