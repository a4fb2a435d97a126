namespace KokkaBot.Bot.Dialogs;

/// <summary>Several interruption hooks, asked in order; the first that handles a message wins.</summary>
public sealed class InterruptionChain(params IReadOnlyList<IDialogInterruptions> hooks) : IDialogInterruptions
{
    public async Task<bool> TryInterruptAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        foreach (var hook in hooks)
        {
            if (await hook.TryInterruptAsync(dc, cancellationToken))
                return true;
        }
        return false;
    }
}
