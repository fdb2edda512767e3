global using Journeys.Contracts.Journal;
global using Journeys.Contracts.Profiles;
global using Microsoft.Extensions.Logging;
global using Orleans;
global using Orleans.Concurrency;
global using Orleans.Placement;
global using Orleans.Runtime;
