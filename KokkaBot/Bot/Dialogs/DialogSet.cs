namespace KokkaBot.Bot.Dialogs;

/// <summary>
/// The dialogs a bot knows, by id. Built once at start-up; per turn it makes a
/// <see cref="DialogContext"/> over the conversation's saved stack.
/// </summary>
public sealed class DialogSet
{
    private readonly Dictionary<string, Dialog> _dialogs = new(StringComparer.Ordinal);

    public DialogSet(IEnumerable<Dialog>? dialogs = null)
    {
        foreach (var dialog in dialogs ?? [])
            Add(dialog);
    }

    /// <summary>
    /// Says politely that a flow was updated and starts again; called when a saved instance
    /// belongs to an older definition of its dialog.
    /// </summary>
    public Func<DialogContext, string, CancellationToken, Task>? OnFlowRestarted { get; set; }

    public DialogSet Add(Dialog dialog)
    {
        if (!_dialogs.TryAdd(dialog.Id, dialog))
            throw new InvalidOperationException($"A dialog with the id '{dialog.Id}' is already in the set.");
        return this;
    }

    public Dialog? Find(string dialogId) => _dialogs.GetValueOrDefault(dialogId);

    public IEnumerable<Dialog> All => _dialogs.Values;

    public DialogContext CreateContext(TurnContext turn, DialogState state) => new(this, turn, state);
}
