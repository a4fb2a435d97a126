using KokkaBot.Knowledge.Search;
using Lucene.Net.Store;

namespace KokkaBot.Tests.Knowledge;

/// <summary>
/// The lock-free reader must return exactly what Lucene wrote, across block boundaries
/// (RAMOutputStream writes 1 KB blocks), at every seek position, and stop at the end.
/// </summary>
public sealed class InMemoryIndexDirectoryTests : IDisposable
{
    private readonly InMemoryIndexDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(1023)]
    [InlineData(1024)]
    [InlineData(1025)]
    [InlineData(5000)]
    public void Reads_back_every_byte_written(int length)
    {
        var written = Write("file", length);

        using var input = _directory.OpenInput("file", IOContext.DEFAULT);
        var read = new byte[length];
        input.ReadBytes(read, 0, length);

        Assert.Equal(length, input.Length);
        Assert.Equal(written, read);
        Assert.Equal(length, input.Position);
        Assert.Throws<EndOfStreamException>(() => input.ReadByte());
    }

    [Fact]
    public void Seeks_anywhere_and_reads_single_bytes_across_blocks()
    {
        var written = Write("file", 3000);
        using var input = _directory.OpenInput("file", IOContext.DEFAULT);

        foreach (var position in new long[] { 2999, 0, 1023, 1024, 2048, 512, 2047 })
        {
            input.Seek(position);
            Assert.Equal(position, input.Position);
            Assert.Equal(written[position], input.ReadByte());
        }

        input.Seek(1020);
        var span = new byte[10];
        input.ReadBytes(span, 0, span.Length);
        Assert.Equal(written[1020..1030], span);
    }

    [Fact]
    public void A_clone_keeps_its_own_position()
    {
        var written = Write("file", 2500);
        using var input = _directory.OpenInput("file", IOContext.DEFAULT);
        input.Seek(100);

        var clone = (IndexInput)input.Clone();
        clone.Seek(2000);

        Assert.Equal(written[100], input.ReadByte());
        Assert.Equal(written[2000], clone.ReadByte());
        Assert.Equal(101, input.Position);
    }

    [Fact]
    public void Reading_past_the_end_fails_clearly()
    {
        Write("file", 10);
        using var input = _directory.OpenInput("file", IOContext.DEFAULT);

        Assert.Throws<EndOfStreamException>(() => input.ReadBytes(new byte[11], 0, 11));
        Assert.Throws<EndOfStreamException>(() => input.Seek(11));
    }

    private byte[] Write(string name, int length)
    {
        var bytes = new byte[length];
        new Random(length).NextBytes(bytes);
        using var output = _directory.CreateOutput(name, IOContext.DEFAULT);
        // Mixed writes, as Lucene does: single bytes and runs.
        var half = length / 2;
        for (var i = 0; i < half; i++)
            output.WriteByte(bytes[i]);
        output.WriteBytes(bytes, half, length - half);
        return bytes;
    }
}
