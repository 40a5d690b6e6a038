namespace HighServiceDashboard.Domain.Plans.Reading;

/// <summary>
/// Character-bigram comparison of comparison keys (see <see cref="TextNormalizer.Key"/>). Bigrams
/// suit Chinese: words are not delimited, and one bigram is roughly one word or the joint of two.
/// </summary>
public sealed class Bigrams
{
    private readonly HashSet<int> _set;

    public Bigrams(string key)
    {
        Key = key;
        _set = [];
        for (var i = 0; i + 1 < key.Length; i++)
        {
            _set.Add((key[i] << 16) | key[i + 1]);
        }
    }

    public string Key { get; }

    public int Count => _set.Count;

    internal IReadOnlyCollection<int> Items => _set;

    public static Bigrams Of(string? raw) => new(TextNormalizer.Key(raw));

    public int Shared(Bigrams other)
    {
        var (small, large) = _set.Count <= other._set.Count ? (_set, other._set) : (other._set, _set);
        var shared = 0;
        foreach (var b in small)
        {
            if (large.Contains(b))
            {
                shared++;
            }
        }

        return shared;
    }

    /// <summary>Share of this text's bigrams found in <paramref name="other"/>: high when this text is a piece of the other.</summary>
    public double ContainedIn(Bigrams other) => Count == 0 ? 0 : (double)Shared(other) / Count;
}
