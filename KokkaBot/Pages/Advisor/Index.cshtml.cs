using System.Text.Json;
using KokkaBot.Handoff;
using KokkaBot.Knowledge.Model;
using KokkaBot.Knowledge.Places;
using KokkaBot.Pages.Coordinator;
using KokkaBot.Staff;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace KokkaBot.Pages.Advisor;

/// <summary>
/// <c>/advisor</c>: the live console where advisors take over students' conversations. The page is a
/// shell; the queue, the conversations and the tickets come over the SignalR hub at /hubs/advisor.
/// </summary>
[Authorize(Policy = StaffPolicies.Advise)]
public sealed class IndexModel(UserManager<StaffUser> users, IOptions<HandoffOptions> handoff) : PageModel
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string AdvisorName { get; private set; } = "";

    public string AdvisorEmail { get; private set; } = "";

    /// <summary>The longest message or note the hub takes (Handoff:MaxTextLength).</summary>
    public int MaxTextLength => handoff.Value.MaxTextLength;

    /// <summary>What the script needs to name things, as JSON (HTML-sensitive characters escaped by the serializer).</summary>
    public string ConfigJson { get; private set; } = "{}";

    public async Task OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        AdvisorEmail = user?.Email ?? User.Identity?.Name ?? "";
        AdvisorName = user is { DisplayName.Length: > 0 } && user.DisplayName != user.Email ? user.DisplayName : AdvisorEmail;
        ConfigJson = JsonSerializer.Serialize(new
        {
            hub = "/hubs/advisor",
            me = new { name = AdvisorName, email = AdvisorEmail },
            maxTextLength = MaxTextLength,
            languages = Vocabulary.Languages.ToDictionary(code => code, Display.Language),
            towns = Towns.All.ToDictionary(town => town.Slug, town => town.Name),
        }, Json);
    }
}
