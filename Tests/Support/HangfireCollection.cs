namespace HighServiceDashboard.Tests.Support;

/// <summary>
/// Tests that start a host with the Hangfire server: Hangfire keeps static state
/// (<c>JobStorage.Current</c>, <c>JobActivator.Current</c>), so they run one at a time.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class HangfireCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "hangfire";
}
