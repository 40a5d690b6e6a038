namespace HighServiceDashboard.Infrastructure.Schedule;

/// <summary>
/// Tells open dashboards that alerts changed (the job raised some, someone marked them read), so
/// the bell refreshes. Callbacks come from outside the circuit: subscribers go through InvokeAsync.
/// </summary>
public sealed class AlertNotifier
{
    private readonly Lock _gate = new();
    private readonly List<Action> _subscribers = [];

    public IDisposable Subscribe(Action onChange)
    {
        lock (_gate)
        {
            _subscribers.Add(onChange);
        }

        return new Subscription(() =>
        {
            lock (_gate)
            {
                _subscribers.Remove(onChange);
            }
        });
    }

    public void Notify()
    {
        Action[] subscribers;
        lock (_gate)
        {
            subscribers = [.. _subscribers];
        }

        foreach (var s in subscribers)
        {
            s();
        }
    }

    private sealed class Subscription(Action dispose) : IDisposable
    {
        public void Dispose() => dispose();
    }
}
