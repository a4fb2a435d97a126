using KokkaBot.Bot;

namespace KokkaBot.Tests.Bot;

public class ConversationLocksTests
{
    [Fact]
    public async Task Turns_of_one_conversation_wait_for_each_other()
    {
        var locks = new ConversationLocks();
        var ct = TestContext.Current.CancellationToken;

        var first = await locks.AcquireAsync("webchat/c1", ct);
        var second = locks.AcquireAsync("webchat/c1", ct);
        await Task.Delay(50, ct);
        Assert.False(second.IsCompleted);

        first.Dispose();
        (await second.WaitAsync(TimeSpan.FromSeconds(5), ct)).Dispose();
        Assert.Equal(0, locks.ActiveCount);
    }

    [Fact]
    public async Task Different_conversations_run_at_the_same_time()
    {
        var locks = new ConversationLocks();
        var ct = TestContext.Current.CancellationToken;

        using var a = await locks.AcquireAsync("webchat/a", ct);
        var b = locks.AcquireAsync("webchat/b", ct);

        Assert.True(b.IsCompletedSuccessfully);
        (await b).Dispose();
    }

    [Fact]
    public async Task A_cancelled_wait_leaves_no_lock_behind()
    {
        var locks = new ConversationLocks();
        using var cancel = new CancellationTokenSource();

        var held = await locks.AcquireAsync("c", TestContext.Current.CancellationToken);
        var waiting = locks.AcquireAsync("c", cancel.Token);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        held.Dispose();

        Assert.Equal(0, locks.ActiveCount);
    }

    [Fact]
    public async Task Many_concurrent_turns_of_one_conversation_never_overlap()
    {
        var locks = new ConversationLocks();
        var inside = 0;
        var overlaps = 0;

        await Task.WhenAll(Enumerable.Range(0, 50).Select(async _ =>
        {
            using var turn = await locks.AcquireAsync("c", TestContext.Current.CancellationToken);
            if (Interlocked.Increment(ref inside) > 1)
                Interlocked.Increment(ref overlaps);
            await Task.Yield();
            Interlocked.Decrement(ref inside);
        }));

        Assert.Equal(0, overlaps);
        Assert.Equal(0, locks.ActiveCount);
    }
}
