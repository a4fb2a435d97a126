using KokkaBot.Bot;
using KokkaBot.Bot.Dialogs;
using KokkaBot.Bot.Dialogs.Prompts;
using KokkaBot.Conversation.Texts;
using KokkaBot.Knowledge.Places;

namespace KokkaBot.Conversation;

public sealed record OnboardingState;

/// <summary>
/// First questions for a new user: language (only when their client did not tell us), who they
/// are, and their town. The answers go to the user's profile.
/// </summary>
public sealed class OnboardingDialog : WaterfallDialog<OnboardingState>
{
    public const string OtherTown = "other";
    private readonly Profiles _profiles;
    private readonly BotTexts _texts;

    public OnboardingDialog(Profiles profiles, BotTexts texts) : base(DialogIds.Onboarding)
    {
        _profiles = profiles;
        _texts = texts;
    }

    protected override IEnumerable<WaterfallStep<OnboardingState>> Steps => [AskLanguageAsync, AskRoleAsync, AskTownAsync, FinishAsync];

    public static IReadOnlyList<string> Roles { get; } = ["student", "graduate", "jobseeker", "family", "employer"];

    private async Task<DialogTurnResult> AskLanguageAsync(WaterfallStepContext<OnboardingState> step, CancellationToken cancellationToken)
    {
        var profile = await _profiles.GetAsync(step.Context, cancellationToken);
        if (profile.Language is not null)
            return await step.NextAsync(null, cancellationToken);

        // Nobody knows yet which language this user reads: ask in all of ours at once.
        var question = string.Join("\n", Languages.All.Select(l => _texts.For(l.Code)["language.prompt"]));
        return await step.PromptAsync(DialogIds.Choice, new PromptOptions
        {
            Prompt = MessageFactory.Text(question),
            RetryPrompt = MessageFactory.Text(string.Join("\n", Languages.All.Select(l => _texts.For(l.Code)["language.retry"]))),
            Choices = LanguageChoices(),
        }, cancellationToken);
    }

    private async Task<DialogTurnResult> AskRoleAsync(WaterfallStepContext<OnboardingState> step, CancellationToken cancellationToken)
    {
        if (step.Result is FoundChoice language)
        {
            var profile = await _profiles.GetAsync(step.Context, cancellationToken);
            await _profiles.SetAsync(step.Context, profile with { Language = language.Value }, cancellationToken);
            step.Context.TurnState.Set(_texts.For(language.Value));
        }

        var t = step.Context.Texts();
        return await step.PromptAsync(DialogIds.Choice, new PromptOptions
        {
            Prompt = MessageFactory.Text(t["onboarding.intro"] + "\n\n" + t["role.prompt"]),
            RetryPrompt = MessageFactory.Text(t["role.retry"]),
            Choices = Roles.Select(r => new Choice(r, t[$"role.{r}"], RoleSynonyms(r))).ToArray(),
            Locale = t.Language,
        }, cancellationToken);
    }

    private async Task<DialogTurnResult> AskTownAsync(WaterfallStepContext<OnboardingState> step, CancellationToken cancellationToken)
    {
        if (step.Result is FoundChoice role)
        {
            var profile = await _profiles.GetAsync(step.Context, cancellationToken);
            await _profiles.SetAsync(step.Context, profile with { Role = role.Value }, cancellationToken);
        }

        var t = step.Context.Texts();
        var choices = Towns.All.Select(town => new Choice(town.Slug, town.Name, town.InflectedForms))
            .Append(new Choice(OtherTown, t["town.other"], ["other", "muu", "ei vielä", "not yet", "none"]))
            .ToArray();
        return await step.PromptAsync(DialogIds.Choice, new PromptOptions
        {
            Prompt = MessageFactory.Text(t["town.prompt"]),
            RetryPrompt = MessageFactory.Text(t["town.retry"]),
            Choices = choices,
            Locale = t.Language,
        }, cancellationToken);
    }

    private async Task<DialogTurnResult> FinishAsync(WaterfallStepContext<OnboardingState> step, CancellationToken cancellationToken)
    {
        var town = step.Result as FoundChoice;
        var profile = await _profiles.GetAsync(step.Context, cancellationToken);
        profile = profile with { Town = town?.Value ?? OtherTown, OnboardedAt = step.Context.Activity.Timestamp ?? DateTimeOffset.UtcNow };
        await _profiles.SetAsync(step.Context, profile, cancellationToken);

        await step.Context.SendActivityAsync(step.Context.Texts()["onboarding.done"], cancellationToken);
        return await step.EndDialogAsync(profile, cancellationToken);
    }

    public static Choice[] LanguageChoices() =>
        Languages.All.Select(l => new Choice(l.Code, l.NativeName, l.Synonyms)).ToArray();

    private static string[] RoleSynonyms(string role) => role switch
    {
        "student" => ["study", "studying", "opiskelen", "opiskelija", "exchange student", "vaihto-opiskelija"],
        "graduate" => ["graduated", "alumni", "valmistunut", "valmistuin"],
        "jobseeker" => ["job", "work", "looking for work", "työ", "töitä", "työnhakija", "työtön"],
        "family" => ["spouse", "partner", "family", "perhe", "puoliso", "perheenjäsen"],
        "employer" => ["company", "business", "yritys", "työnantaja", "rekrytoin"],
        _ => [],
    };
}
