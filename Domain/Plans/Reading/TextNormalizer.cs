using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace HighServiceDashboard.Domain.Plans.Reading;

/// <summary>
/// Turns the text agencies write (HTML fragments, Markdown, full-width forms, spaces left inside words
/// by PDF and Word extraction) into text to show and keys to compare.
/// </summary>
public static partial class TextNormalizer
{
    /// <summary>Removes HTML tags and Markdown marks; block tags become line breaks; entities are decoded.</summary>
    public static string StripMarkup(string? raw)
    {
        if (string.IsNullOrEmpty(raw))
        {
            return string.Empty;
        }

        var text = BlockTag().Replace(raw, "\n");
        text = AnyTag().Replace(text, string.Empty);
        text = WebUtility.HtmlDecode(text);
        var lines = text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = MarkdownLead().Replace(lines[i], string.Empty);
            lines[i] = line.Replace("**", string.Empty).Replace("__", string.Empty);
        }

        return string.Join('\n', lines);
    }

    /// <summary>
    /// Markup stripped, runs of spaces collapsed to one, lines trimmed, empty lines dropped. Spaces are
    /// kept: a space often separates a focus point's short title from its description, or two units.
    /// </summary>
    public static string Soft(string? raw)
    {
        var text = StripMarkup(raw);
        var builder = new StringBuilder(text.Length);
        foreach (var line in text.Split('\n'))
        {
            var collapsed = Spaces().Replace(line.Replace('\u3000', ' ').Replace('\u00A0', ' ').Replace("\u200B", string.Empty).Replace("\uFEFF", string.Empty), " ").Trim();
            if (collapsed.Length == 0)
            {
                continue;
            }

            if (builder.Length > 0)
            {
                builder.Append('\n');
            }

            builder.Append(collapsed);
        }

        return builder.ToString();
    }

    /// <summary>Soft text with the stray spaces between CJK characters removed: the form shown to people.</summary>
    public static string Clean(string? raw) => RemoveStraySpaces(Soft(raw));

    /// <summary>Clean text on one line (line breaks become spaces, or nothing between CJK characters).</summary>
    public static string CleanLine(string? raw) => RemoveStraySpaces(Soft(raw).Replace('\n', ' '));

    /// <summary>Folds full-width ASCII forms (（一）, １２, ：) to their half-width forms.</summary>
    public static string Fold(string text)
    {
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            var c = chars[i];
            if (c is >= '\uFF01' and <= '\uFF5E')
            {
                chars[i] = (char)(c - 0xFEE0);
            }
            else if (c is '\u3000' or '\u00A0')
            {
                chars[i] = ' ';
            }
        }

        return new string(chars);
    }

    /// <summary>
    /// The comparison key: folded, only letters and digits kept (CJK ideographs are letters), lower case,
    /// with the common variant characters unified (臺/台).
    /// </summary>
    public static string Key(string? raw)
    {
        var text = Fold(StripMarkup(raw));
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(c switch
                {
                    '臺' => '台',
                    '裏' => '裡',
                    '爲' => '為',
                    _ => char.ToLowerInvariant(c),
                });
            }
        }

        return builder.ToString();
    }

    /// <summary>True for CJK ideographs, CJK punctuation and full-width forms: the characters between which a space is an accident.</summary>
    public static bool IsWide(char c) =>
        c is >= '\u2E80' and <= '\u9FFF' or >= '\uF900' and <= '\uFAFF' or >= '\uFF00' and <= '\uFFEF' or >= '\u3000' and <= '\u303F';

    /// <summary>True for CJK ideographs only.</summary>
    public static bool IsIdeograph(char c) => c is >= '\u3400' and <= '\u9FFF' or >= '\uF900' and <= '\uFAFF';

    private static bool IsWidePunctuation(char c) => IsWide(c) && !IsIdeograph(c);

    private static string RemoveStraySpaces(string text)
    {
        if (!text.Contains(' '))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == ' ' && builder.Length > 0 && i + 1 < text.Length)
            {
                var left = builder[^1];
                var right = text[i + 1];
                if ((IsWide(left) && IsWide(right)) || IsWidePunctuation(left) || IsWidePunctuation(right))
                {
                    continue;
                }
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    [GeneratedRegex(@"<\s*(br|/p|/li|/div|/tr|/h[1-6]|li|p|div|tr|ol|/ol|ul|/ul)\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex BlockTag();

    [GeneratedRegex(@"</?[a-zA-Z][a-zA-Z0-9]*(\s[^<>]*)?/?>")]
    private static partial Regex AnyTag();

    [GeneratedRegex(@"^\s*(#{1,6}\s+|[-*+]\s+|>\s*)")]
    private static partial Regex MarkdownLead();

    [GeneratedRegex(@"[ \t]+")]
    private static partial Regex Spaces();
}
