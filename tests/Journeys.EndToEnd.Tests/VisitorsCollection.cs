using Journeys.TestSupport;

namespace Journeys.EndToEnd.Tests;

/// <summary>The visitor hub and browser tests share one cluster and run one after the other: two fewer process trees on a 2-core CI.</summary>
[CollectionDefinition(Name)]
public sealed class VisitorsCollection : ICollectionFixture<ProductionClusterFixture>
{
    public const string Name = "visitors";
}
