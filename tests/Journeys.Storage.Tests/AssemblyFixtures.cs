using Journeys.TestSupport;

[assembly: AssemblyFixture(typeof(PostgresFixture))]

// Journal readers only take rows older than every running transaction of the whole server, so
// another class's open transaction would hide the rows a journal test just wrote: run serially.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
