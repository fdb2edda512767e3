using Journeys.Contracts.Profiles;

namespace Journeys.Gateway.Profiles;

public static class ProfileSync
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    /// <summary>The profile once it has applied the journal up to <paramref name="position"/> (read-your-writes for APIs).</summary>
    public static async Task<ProfileView> WaitUntilAppliedAsync(IProfileGrain profile, long position, TimeProvider clock, CancellationToken cancellationToken)
    {
        var deadline = clock.GetUtcNow() + Timeout;
        while (true)
        {
            var view = await profile.GetAsync();
            if (view.LastAppliedPosition >= position || clock.GetUtcNow() > deadline)
            {
                return view;
            }
            await Task.Delay(TimeSpan.FromMilliseconds(20), clock, cancellationToken);
        }
    }
}
