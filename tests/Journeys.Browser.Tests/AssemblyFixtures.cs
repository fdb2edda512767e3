using Journeys.TestSupport;

[assembly: AssemblyFixture(typeof(PostgresFixture))]
