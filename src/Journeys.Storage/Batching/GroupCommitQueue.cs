using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace Journeys.Storage.Batching;

/// <summary>
/// Group commit: concurrent callers queue requests and one loop hands everything queued to a
/// single database round trip, so the cost of a statement and its commit is shared. A caller's
/// task completes only after the round trip that carried its request.
/// </summary>
public sealed class GroupCommitQueue<TRequest, TResult> : IAsyncDisposable
{
    private readonly Func<IReadOnlyList<TRequest>, Task<IReadOnlyList<TResult>>> process;
    private readonly int maxGroupSize;
    private readonly Func<TRequest, int> sizeOf;
    private readonly ILogger logger;
    private readonly string name;
    private readonly Channel<Pending> queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task loop;

    /// <param name="process">Runs one group; returns one result per request, in request order.</param>
    /// <param name="maxGroupSize">Most work one group carries, measured by <paramref name="sizeOf"/>.</param>
    public GroupCommitQueue(Func<IReadOnlyList<TRequest>, Task<IReadOnlyList<TResult>>> process, int maxGroupSize, Func<TRequest, int> sizeOf, ILogger logger, string name)
    {
        this.process = process;
        this.maxGroupSize = maxGroupSize;
        this.sizeOf = sizeOf;
        this.logger = logger;
        this.name = name;
        loop = Task.Run(RunAsync);
    }

    public Task<TResult> EnqueueAsync(TRequest request, CancellationToken cancellationToken = default)
    {
        var pending = new Pending(request);
        ObjectDisposedException.ThrowIf(!queue.Writer.TryWrite(pending), this);
        // The caller may stop waiting, but a queued request still runs: never half a group.
        return pending.Completion.Task.WaitAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        queue.Writer.TryComplete();
        await loop;
    }

    private async Task RunAsync()
    {
        var group = new List<Pending>();
        while (await queue.Reader.WaitToReadAsync())
        {
            group.Clear();
            var size = 0;
            while (size < maxGroupSize && queue.Reader.TryRead(out var pending))
            {
                group.Add(pending);
                size += sizeOf(pending.Request);
            }

            try
            {
                var results = await process([.. group.Select(p => p.Request)]);
                for (var i = 0; i < group.Count; i++)
                {
                    group[i].Completion.TrySetResult(results[i]);
                }
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "{Queue}: a group of {RequestCount} requests ({Size} items) failed", name, group.Count, size);
                foreach (var pending in group)
                {
                    pending.Completion.TrySetException(ex);
                }
            }
        }
    }

    private sealed record Pending(TRequest Request)
    {
        public TaskCompletionSource<TResult> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
