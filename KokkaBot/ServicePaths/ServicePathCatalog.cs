namespace KokkaBot.ServicePaths;

/// <summary>The service paths loaded at start, by id and by the menu item that starts them.</summary>
public sealed class ServicePathCatalog(IReadOnlyList<ServicePath> paths, PathTexts texts)
{
    public IReadOnlyList<ServicePath> Paths { get; } = paths;
    public PathTexts Texts { get; } = texts;

    public ServicePath? ForMenu(string menuKey) => Paths.FirstOrDefault(p => p.Menu == menuKey);

    public ServicePath Get(string id) =>
        Paths.FirstOrDefault(p => p.Id == id) ?? throw new KeyNotFoundException($"No service path '{id}'.");

    public (ServicePath Path, ChecklistStep Checklist) Checklist(string pathId, string checklistId)
    {
        var path = Get(pathId);
        return (path, path.Checklists.FirstOrDefault(c => c.Id == checklistId)
            ?? throw new KeyNotFoundException($"No checklist '{checklistId}' in service path '{pathId}'."));
    }
}
