using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using KokkaBot.Staff;

namespace KokkaBot.Pages.Staff;

[AllowAnonymous]
public sealed class SignInModel(SignInManager<StaffUser> signIn) : PageModel
{
    public string? Error { get; private set; }
    public string? Email { get; private set; }
    public string? ReturnUrl { get; private set; }

    public void OnGet(string? returnUrl) => ReturnUrl = returnUrl;

    public async Task<IActionResult> OnPostAsync(string email, string password, string? returnUrl)
    {
        Email = email;
        ReturnUrl = returnUrl;
        var result = await signIn.PasswordSignInAsync(email ?? "", password ?? "", isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
            return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : await HomeOfAsync(email ?? ""));
        Error = result.IsLockedOut
            ? "Too many failed attempts: this account is locked for a while. Try again later or ask an administrator to unlock it."
            : "The e-mail or the password is not right.";
        return Page();
    }

    /// <summary>Advisors who are not coordinators start at the console, everyone else at the knowledge base.</summary>
    private async Task<string> HomeOfAsync(string email)
    {
        var user = await signIn.UserManager.FindByEmailAsync(email);
        if (user is null)
            return "/coordinator";
        var roles = await signIn.UserManager.GetRolesAsync(user);
        return roles.Contains(StaffRoles.Advisor) && !roles.Contains(StaffRoles.Coordinator) && !roles.Contains(StaffRoles.Admin) ? "/advisor" : "/coordinator";
    }
}
