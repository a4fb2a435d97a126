using Microsoft.Playwright;

namespace KokkaBot.Tests.Support;

/// <summary>
/// Debian's Chromium driven by Playwright (never a downloaded browser). Browser tests skip, visibly,
/// only on a developer machine without Chromium; in CI (the CI variable set) a missing browser fails.
/// </summary>
public sealed class Browser : IAsyncDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly IPlaywright _playwright;

    private Browser(IPlaywright playwright, IBrowser chromium)
    {
        _playwright = playwright;
        Chromium = chromium;
    }

    public IBrowser Chromium { get; }

    public static async Task<Browser> LaunchAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")))
                Assert.Fail($"CI runs the browser tests, but there is no Chromium at {ChromiumPath}: .ci/run installs the Debian package 'chromium'.");
            Assert.Skip($"No Chromium at {ChromiumPath}: install the Debian package 'chromium' to run the browser tests (CI always does).");
        }

        var playwright = await Playwright.CreateAsync();
        var chromium = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            // This machine has no network beyond loopback: keep Chromium from calling home.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        return new Browser(playwright, chromium);
    }

    /// <summary>A page as a student on a phone sees it.</summary>
    public async Task<IPage> NewPhonePageAsync(string locale = "en-US")
    {
        var context = await Chromium.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
            Locale = locale,
            HasTouch = true,
            IsMobile = true,
            DeviceScaleFactor = 2,
        });
        return await context.NewPageAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Chromium.DisposeAsync();
        _playwright.Dispose();
    }
}
