using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;

namespace HighServiceDashboard.App.Hosting;

/// <summary>
/// The one configuration file is appsettings.json at the repository root (copied beside the
/// binaries at build). This points the host's appsettings sources there, keeping their place in
/// the order, so environment files, environment variables and the command line still override it.
/// </summary>
public static class RootSettings
{
    public static void UseRootSettings(this IHostApplicationBuilder builder)
    {
        var folder = AppContext.BaseDirectory;
        var sources = builder.Configuration.Sources;
        for (var i = 0; i < sources.Count; i++)
        {
            if (sources[i] is JsonConfigurationSource { Path: { } path } json && path.StartsWith("appsettings", StringComparison.OrdinalIgnoreCase))
            {
                sources[i] = new JsonConfigurationSource
                {
                    Path = path,
                    Optional = json.Optional,
                    ReloadOnChange = json.ReloadOnChange,
                    FileProvider = new PhysicalFileProvider(folder),
                };
            }
        }
    }
}
