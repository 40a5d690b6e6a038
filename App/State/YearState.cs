namespace HighServiceDashboard.App.State;

/// <summary>
/// The ROC year the person is looking at, shared by every page of the circuit. Pages subscribe and
/// re-read their data when it changes.
/// </summary>
public sealed class YearState
{
    private readonly List<Action> _subscribers = [];

    public int RocYear { get; private set; }

    public bool IsSet => RocYear > 0;

    public void Set(int rocYear)
    {
        if (rocYear == RocYear)
        {
            return;
        }

        RocYear = rocYear;
        foreach (var subscriber in _subscribers.ToArray())
        {
            subscriber();
        }
    }

    public IDisposable Subscribe(Action onChange)
    {
        _subscribers.Add(onChange);
        return new Subscription(() => _subscribers.Remove(onChange));
    }

    private sealed class Subscription(Action dispose) : IDisposable
    {
        public void Dispose() => dispose();
    }
}
