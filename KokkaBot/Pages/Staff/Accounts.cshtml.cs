using KokkaBot.Knowledge.Places;
using KokkaBot.Staff;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KokkaBot.Pages.Staff;

/// <summary><c>/staff/accounts</c>: the staff accounts, a new account, and unlocking one locked by failed sign-ins.</summary>
[Authorize(Policy = StaffPolicies.ManageStaff)]
public sealed class AccountsModel(StaffAccounts accounts, TimeProvider clock) : PageModel
{
    public IReadOnlyList<(StaffUser User, IList<string> Roles)> Accounts { get; private set; } = [];
    public IReadOnlyList<string> Errors { get; private set; } = [];

    [BindProperty]
    public NewAccount Input { get; set; } = new();

    public DateTimeOffset Now => clock.GetUtcNow();

    public bool IsLocked(StaffUser user) => user.LockoutEnd is { } end && end > Now;

    public async Task OnGetAsync() => Accounts = await accounts.ListAsync();

    public async Task<IActionResult> OnPostCreateAsync()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(Input.Email))
            errors.Add("Give the e-mail address the person signs in with.");
        if (string.IsNullOrWhiteSpace(Input.Name))
            errors.Add("Give the person's name.");
        var towns = Input.Towns.Where(t => Towns.Find(t) is not null).Distinct().ToList();
        if (Input.Role != StaffRoles.Coordinator && towns.Count > 0)
            errors.Add("Only coordinators are limited to towns: clear the towns, or choose the Coordinator role.");
        if (errors.Count == 0)
        {
            var result = await accounts.CreateAsync(Input.Email!.Trim(), Input.Name!.Trim(), Input.Password ?? "", Input.Role, towns);
            if (result.Succeeded)
            {
                TempData["Notice"] = $"Created the account {Input.Email.Trim()} ({Input.Role}). Give them their password in person or by phone, not by e-mail.";
                return RedirectToPage();
            }
            errors.AddRange(result.Errors.Select(e => e.Description));
        }
        Errors = errors;
        Input.Password = null;
        Accounts = await accounts.ListAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostUnlockAsync(string id, string? email)
    {
        var result = await accounts.UnlockAsync(id);
        if (result.Succeeded)
        {
            TempData["Notice"] = $"Unlocked {email ?? "the account"}: they can sign in again.";
            return RedirectToPage();
        }
        Errors = result.Errors.Select(e => e.Description).ToList();
        Accounts = await accounts.ListAsync();
        return Page();
    }

    public sealed class NewAccount
    {
        public string? Email { get; set; }
        public string? Name { get; set; }
        public string Role { get; set; } = StaffRoles.Coordinator;
        public List<string> Towns { get; set; } = [];
        public string? Password { get; set; }
    }
}
