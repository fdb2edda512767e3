namespace Journeys.Grains;

/// <summary>
/// A per-silo copy of what a catalogue grain holds (live journeys, segments), so profile grains do
/// not call that one grain on every event. Readers never wait, except for the very first load: a
/// background loop reloads the copy every <see cref="Period"/>, so it is never older than that plus
/// one call. (Reloading on demand when stale made every profile of the silo queue behind one call.)
/// </summary>
public sealed class CatalogueCopy<T>(Func<Task<T>> load, ILogger logger, string name) : IDisposable
    where T : class
{
    public static readonly TimeSpan Period = TimeSpan.FromMilliseconds(500);

    private readonly CancellationTokenSource stopping = new();
    private readonly Lock gate = new();
    private Task<T>? first;
    private T? current;

    /// <summary>The copy as it is now; null before the first load.</summary>
    public T? Current => current;

    public async ValueTask<T> GetAsync() => current ?? await FirstLoadAsync();

    public void Dispose()
    {
        stopping.Cancel();
        stopping.Dispose();
    }

    private Task<T> FirstLoadAsync()
    {
        lock (gate)
        {
            return first ??= StartAsync();
        }
    }

    private async Task<T> StartAsync()
    {
        try
        {
            current = await Task.Run(load);
        }
        catch
        {
            // Let the next reader try again rather than keep a failed first load.
            lock (gate)
            {
                first = null;
            }
            throw;
        }
        _ = Task.Run(RefreshLoopAsync);
        return current;
    }

    private async Task RefreshLoopAsync()
    {
        using var timer = new PeriodicTimer(Period);
        try
        {
            while (await timer.WaitForNextTickAsync(stopping.Token))
            {
                try
                {
                    current = await load();
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogWarning(ex, "The silo's copy of the {Catalogue} was not refreshed; keeping the last one", name);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
