namespace Journeys.Contracts.Profiles;

[Alias("journeys.cashier")]
public interface ICashierGrain : IProfileGrain;
