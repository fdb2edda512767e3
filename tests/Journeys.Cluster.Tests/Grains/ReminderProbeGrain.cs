namespace Journeys.Cluster.Tests.Grains;

[GrainType("test-reminder-probe")]
public sealed class ReminderProbeGrain : Grain, IReminderProbeGrain, IRemindable
{
    // Far enough out that no reminder fires while a test runs.
    private static readonly TimeSpan DueTime = TimeSpan.FromHours(1);

    Task IReminderProbeGrain.RegisterAsync(string reminderName) =>
        this.RegisterOrUpdateReminder(reminderName, DueTime, DueTime);

    async Task IReminderProbeGrain.UnregisterAsync(string reminderName)
    {
        var reminder = await this.GetReminder(reminderName)
            ?? throw new InvalidOperationException($"No reminder {reminderName}.");
        await this.UnregisterReminder(reminder);
    }

    async Task<IReadOnlyList<string>> IReminderProbeGrain.ListAsync() =>
        (await this.GetReminders()).Select(r => r.ReminderName).Order(StringComparer.Ordinal).ToList();

    Task IRemindable.ReceiveReminder(string reminderName, TickStatus status) => Task.CompletedTask;
}
