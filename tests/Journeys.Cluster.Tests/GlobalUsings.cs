global using Journeys.TestSupport;
global using Npgsql;
global using Orleans;
global using Orleans.Runtime;
