global using Journeys.Grains.Journal;
global using Journeys.Hosting;
global using Orleans;
