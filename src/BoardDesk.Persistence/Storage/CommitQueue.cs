using System.Threading.Channels;

namespace BoardDesk.Persistence.Storage;

/// <summary>
/// The turns waiting for a store's one writer (group commit): a caller queues its commit and waits for the outcome;
/// the writer takes every turn waiting, up to a batch's size, writes them in one transaction and answers each.
/// </summary>
/// <param name="storeName">The store's name, for the answer to a commit queued after it closed.</param>
internal sealed class CommitQueue(string storeName)
{
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Queues <paramref name="commit"/>; answers once its batch is durable, or refused.</summary>
    public Task<CommitResult> Enqueue(JournalCommit commit)
    {
        if (commit.SealedBox is not null && commit.Events.Count == 0)
        {
            // The events carry the concurrency check, and account for what goes into the box (a voter roll entry).
            return Task.FromException<CommitResult>(new ArgumentException("A sealed box changes only in a commit with events.", nameof(commit)));
        }

        var pending = new Pending(commit);
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new ObjectDisposedException(storeName, "The journal store is closed.");
        }

        return pending.Completion.Task;
    }

    /// <summary>Takes no more commits; the writer finishes those already queued, then <see cref="RunAsync"/> ends.</summary>
    public void Close() => _queue.Writer.TryComplete();

    /// <summary>
    /// The writer's loop until the queue closes. <paramref name="write"/> gets each batch's commits and sets an outcome
    /// for each (its <see cref="CommitResult"/>, or the exception that refuses that turn alone); when it throws, the
    /// transaction did not commit, nothing of the batch is stored, <paramref name="failed"/> runs and every caller of
    /// the batch hears the error.
    /// </summary>
    public async Task RunAsync(int maxBatchSize, Func<IReadOnlyList<JournalCommit>, object[], ValueTask> write, Action? failed = null)
    {
        var batch = new List<Pending>(maxBatchSize);
        var commits = new List<JournalCommit>(maxBatchSize);
        var reader = _queue.Reader;
        while (await reader.WaitToReadAsync())
        {
            batch.Clear();
            commits.Clear();
            while (batch.Count < maxBatchSize && reader.TryRead(out var pending))
            {
                batch.Add(pending);
                commits.Add(pending.Commit);
            }

            var outcomes = new object[batch.Count];
            try
            {
                await write(commits, outcomes);
            }
            catch (Exception error)
            {
                failed?.Invoke();
                foreach (var pending in batch)
                {
                    pending.Completion.TrySetException(error);
                }

                continue;
            }

            for (var i = 0; i < batch.Count; i++)
            {
                if (outcomes[i] is CommitResult result)
                {
                    batch[i].Completion.TrySetResult(result);
                }
                else
                {
                    batch[i].Completion.TrySetException((Exception)outcomes[i]);
                }
            }
        }
    }

    private sealed class Pending(JournalCommit commit)
    {
        public JournalCommit Commit { get; } = commit;

        public TaskCompletionSource<CommitResult> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
