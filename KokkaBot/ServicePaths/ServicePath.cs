using KokkaBot.Knowledge.Model;

namespace KokkaBot.ServicePaths;

/// <summary>One guided path, loaded from <c>dialogs/{file}.yaml</c>. Texts are keys into <see cref="PathTexts"/>.</summary>
public sealed record ServicePath(string Id, string Menu, string File, string Version, IReadOnlyList<PathStep> Steps)
{
    public string DialogId => DialogIdOf(Id);

    public static string DialogIdOf(string pathId) => "path:" + pathId;

    public IEnumerable<ChecklistStep> Checklists => Steps.OfType<ChecklistStep>();
}

/// <summary>A step runs only when all its conditions hold.</summary>
public abstract record PathStep(int Line, IReadOnlyList<Condition> When);

public sealed record SayStep(int Line, IReadOnlyList<Condition> When, string Text, IReadOnlyList<PathLink> Links) : PathStep(Line, When);

public sealed record PathLink(string Text, string Url);

public enum AskKind { Choice, Text, Confirm }

public sealed record AskStep(int Line, IReadOnlyList<Condition> When, string Answer, string Text, AskKind Kind, IReadOnlyList<PathChoice> Choices)
    : PathStep(Line, When);

public sealed record PathChoice(string Value, string Text, IReadOnlyList<string> Synonyms);

/// <summary>Knowledge entries as cards: named ones, a search, or a category for the user's town.</summary>
public sealed record ShowStep(int Line, IReadOnlyList<Condition> When, string? Intro, IReadOnlyList<string> Slugs, string? Query, string? Category, EntryKind? Kind, int Max)
    : PathStep(Line, When);

public sealed record ChecklistStep(int Line, IReadOnlyList<Condition> When, string Id, string? Intro, IReadOnlyList<ChecklistItem> Items)
    : PathStep(Line, When);

/// <summary>An item is open once every item it comes <c>after</c> is done or does not apply to the user.</summary>
public sealed record ChecklistItem(int Line, string Id, string Text, string? Show, IReadOnlyList<string> After, IReadOnlyList<Condition> When);

public sealed record AdvisorStep(int Line, IReadOnlyList<Condition> When, string Text) : PathStep(Line, When);

/// <summary>
/// <c>answer.{ask}</c>, <c>profile.role</c> or <c>profile.town</c> is one of <see cref="Values"/>
/// (or, when <see cref="Negated"/>, none of them).
/// </summary>
public sealed record Condition(string Subject, IReadOnlyList<string> Values, bool Negated)
{
    public const string AnswerPrefix = "answer.";

    public bool Holds(Func<string, string?> valueOf)
    {
        var value = valueOf(Subject);
        var matches = value is not null && Values.Contains(value, StringComparer.Ordinal);
        return Negated ? !matches : matches;
    }
}
