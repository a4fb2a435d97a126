using System.Text;
using KokkaBot.Knowledge.Editing;
using KokkaBot.Knowledge.Exchange;
using KokkaBot.Staff;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KokkaBot.Pages.Coordinator;

/// <summary><c>/coordinator/exchange</c>: export as YAML or CSV (through the API), and import a file with a report per entry.</summary>
[Authorize(Policy = StaffPolicies.EditKnowledge)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxImportBytes + 64 * 1024)]
[RequestSizeLimit(MaxImportBytes + 64 * 1024)]
public sealed class ExchangeModel(KnowledgeEditor editor) : PageModel
{
    public const int MaxImportBytes = 10 * 1024 * 1024;

    [BindProperty]
    public IFormFile? Upload { get; set; }

    /// <summary>auto (from the file name), yaml or csv.</summary>
    [BindProperty]
    public string Format { get; set; } = "auto";

    public ImportReport? Report { get; private set; }
    public string? Error { get; private set; }
    public string? FileName { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Upload is null || Upload.Length == 0)
        {
            Error = "Choose a YAML or CSV file to import.";
            return Page();
        }
        if (Upload.Length > MaxImportBytes)
        {
            Error = $"The file is {Upload.Length / 1024 / 1024} MB: an import may be at most {MaxImportBytes / 1024 / 1024} MB.";
            return Page();
        }
        FileName = Path.GetFileName(Upload.FileName);
        var csv = Format switch
        {
            "csv" => true,
            "yaml" => false,
            _ => FileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) || Upload.ContentType.Contains("csv", StringComparison.OrdinalIgnoreCase),
        };

        string text;
        using (var reader = new StreamReader(Upload.OpenReadStream(), Encoding.UTF8, detectEncodingFromByteOrderMarks: true))
            text = (await reader.ReadToEndAsync(cancellationToken)).TrimStart('\uFEFF');

        var (documents, problems) = csv ? KnowledgeCsv.Read(text) : KnowledgeYaml.Read(new StringReader(text));
        if (documents.Count == 0 && problems.Count == 0)
        {
            Error = $"{FileName} has no entries.";
            return Page();
        }
        Report = await editor.ImportAsync(documents, problems, User.ToEditor(), cancellationToken);
        return Page();
    }
}
