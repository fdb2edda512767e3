namespace Journeys.Contracts.Profiles;

[Alias("journeys.corporate")]
public interface ICorporateGrain : IProfileGrain;
