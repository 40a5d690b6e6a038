using System.Text.Json;

namespace HighServiceDashboard.Domain.Audit;

/// <summary>One field of an audited change: what it held before and after (null where it did not exist).</summary>
public sealed record AuditFieldChange(string Field, string? Before, string? After);

/// <summary>
/// Reads an audit entry's before and after (JSON objects of the changed fields) as the fields a
/// person reads: for a change only the fields whose value moved, for an addition or a deletion all.
/// </summary>
public static class AuditChanges
{
    /// <summary>A value longer than this is cut, with an ellipsis: the log is read, not diffed.</summary>
    public const int MaxValueLength = 160;

    public static IReadOnlyList<AuditFieldChange> Fields(string? beforeJson, string? afterJson)
    {
        var before = Read(beforeJson);
        var after = Read(afterJson);
        return before.Keys.Union(after.Keys)
            .Select(field => new AuditFieldChange(field, before.GetValueOrDefault(field), after.GetValueOrDefault(field)))
            .Where(c => beforeJson is null || afterJson is null || c.Before != c.After)
            .ToList();
    }

    private static Dictionary<string, string?> Read(string? json)
    {
        var fields = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(json))
        {
            return fields;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                fields[""] = Shorten(document.RootElement.GetRawText());
                return fields;
            }

            foreach (var property in document.RootElement.EnumerateObject())
            {
                fields[property.Name] = property.Value.ValueKind switch
                {
                    JsonValueKind.Null or JsonValueKind.Undefined => null,
                    JsonValueKind.String => Shorten(property.Value.GetString()!),
                    _ => Shorten(property.Value.GetRawText()),
                };
            }
        }
        catch (JsonException)
        {
            // An entry written by an older version in another form is still shown, as it was stored.
            fields[""] = Shorten(json);
        }

        return fields;
    }

    private static string Shorten(string value) => value.Length <= MaxValueLength ? value : value[..MaxValueLength] + "…";
}
