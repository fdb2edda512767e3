using Journeys.Contracts.Profiles;

namespace Journeys.Gateway.Profiles;

public static class ProfileSync
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    /// <summary>The profile once it has applied the journal up to <paramref name="position"/> (read-your-writes for APIs).</summary>
    public static async Task<ProfileView> WaitUntilAppliedAsync(IProfileGrain profile, long position, CancellationToken cancellationToken)
    {
        var deadline = DateTimeOffset.UtcNow + Timeout;
        while (true)
        {
            var view = await profile.GetAsync();
            if (view.LastAppliedPosition >= position || DateTimeOffset.UtcNow > deadline)
            {
                return view;
            }
            await Task.Delay(20, cancellationToken);
        }
    }
}
