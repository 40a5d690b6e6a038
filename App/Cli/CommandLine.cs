namespace HighServiceDashboard.App.Cli;

/// <summary>
/// The verbs the app answers on the command line instead of serving the dashboard
/// (<c>dotnet run --project App -- VERB ...</c>).
/// </summary>
public static class CommandLine
{
    private static readonly Dictionary<string, Func<string[], TextWriter, TextWriter, CancellationToken, Task<int>>> Verbs = new(StringComparer.Ordinal)
    {
    };

    public static bool IsCommand(string[] args) => args.Length > 0 && Verbs.ContainsKey(args[0]);

    public static async Task<int> RunAsync(string[] args)
    {
        using var cts = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; cts.Cancel(); };
        var stdout = new StreamWriter(Console.OpenStandardOutput(), new System.Text.UTF8Encoding(false)) { AutoFlush = true };
        var stderr = new StreamWriter(Console.OpenStandardError(), new System.Text.UTF8Encoding(false)) { AutoFlush = true };
        return await Verbs[args[0]](args[1..], stdout, stderr, cts.Token);
    }
}
