namespace HighServiceDashboard.Infrastructure;

/// <summary>
/// The outcome of a change someone asked for: done, or refused with messages (resource keys) that
/// say what is wrong. Nothing is saved when it is refused.
/// </summary>
public sealed record CommandResult(IReadOnlyList<string> Errors, int? Id = null)
{
    public bool Succeeded => Errors.Count == 0;

    public static CommandResult Ok(int? id = null) => new([], id);

    public static CommandResult Fail(params string[] errors) => new(errors);
}
