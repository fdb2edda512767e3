namespace Journeys.Contracts.Profiles;

[Alias("journeys.customer")]
public interface ICustomerGrain : IProfileGrain;
