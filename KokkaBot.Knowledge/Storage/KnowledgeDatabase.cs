namespace KokkaBot.Knowledge.Storage;

/// <summary>
/// Opens the knowledge base's database for whichever provider the host configured, and holds the
/// write gate SQLite needs (one writer at a time, shared with the host's other writers of the file).
/// </summary>
public sealed class KnowledgeDatabase(Func<KnowledgeDbContext> open, DatabaseWriteGate writeGate)
{
    public KnowledgeDbContext Open() => open();

    public DatabaseWriteGate WriteGate => writeGate;
}
