namespace KokkaBot.Conversation;

/// <summary>Ids of the conversation's dialogs and shared prompts.</summary>
public static class DialogIds
{
    public const string Main = "main";
    public const string Onboarding = "onboarding";
    public const string Choice = "choice";
    public const string Confirm = "confirm";
    public const string Text = "text";
}
