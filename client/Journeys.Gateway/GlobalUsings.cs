global using Journeys.Hosting;
global using Orleans;
