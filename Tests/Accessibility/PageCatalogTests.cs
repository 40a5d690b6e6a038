using System.Reflection;
using HighServiceDashboard.App.Components;
using Microsoft.AspNetCore.Components;

namespace HighServiceDashboard.Tests.Accessibility;

public class PageCatalogTests
{
    private static IReadOnlyList<(string Template, Type Component)> RoutedPages() =>
        typeof(PageCatalog).Assembly.GetTypes()
            .Where(t => typeof(ComponentBase).IsAssignableFrom(t) && !t.IsAbstract)
            .SelectMany(t => t.GetCustomAttributes<RouteAttribute>().Select(r => (r.Template, t)))
            .ToList();

    [Fact]
    public void Catalog_EveryRouteOfTheApp_IsListed()
    {
        var listed = PageCatalog.Pages.Select(p => (p.Template, p.Component)).ToHashSet();

        var missing = RoutedPages().Where(r => !listed.Contains(r)).ToList();

        Assert.True(missing.Count == 0,
            "These routes are not in App/Components/PageCatalog.cs, so the accessibility tests do not visit them; add each with a sample address: "
            + string.Join(", ", missing.Select(r => $"\"{r.Template}\" ({r.Component.Name})")));
    }

    [Fact]
    public void Catalog_EveryListedPage_StillExists()
    {
        var routed = RoutedPages().ToHashSet();

        var stale = PageCatalog.Pages.Where(p => !routed.Contains((p.Template, p.Component))).ToList();

        Assert.True(stale.Count == 0,
            "PageCatalog lists routes that no component declares any more; remove or correct them: "
            + string.Join(", ", stale.Select(p => $"\"{p.Template}\" ({p.Component.Name})")));
    }

    [Fact]
    public void Catalog_Entries_AreUniqueAndHaveAbsoluteSamplePaths()
    {
        Assert.Equal(PageCatalog.Pages.Count, PageCatalog.Pages.Select(p => p.Template).Distinct().Count());
        Assert.Equal(PageCatalog.Pages.Count, PageCatalog.Pages.Select(p => p.SamplePath).Distinct().Count());
        Assert.All(PageCatalog.Pages, p => Assert.StartsWith("/", p.SamplePath));
        // A sample address keeps no route parameter unfilled: only {agency:NAME}, {plan:AGENCY} and {followup:AGENCY} tokens are resolved later.
        Assert.All(PageCatalog.Pages, p => Assert.DoesNotMatch(@"\{(?!agency:|plan:|followup:)[^}]*\}", p.SamplePath));
    }

    [Fact]
    public void RoutedPages_OfTheApp_IncludeKnownRoutes()
    {
        // Guards the two tests above against a reflection that silently finds nothing.
        var templates = RoutedPages().Select(r => r.Template).ToList();

        Assert.Contains("/", templates);
        Assert.Contains("/agencies/{Id:int}", templates);
        Assert.Contains("/frameworks/{Key}", templates);
    }
}
