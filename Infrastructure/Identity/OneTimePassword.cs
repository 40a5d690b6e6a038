using System.Security.Cryptography;

namespace HighServiceDashboard.Infrastructure.Identity;

/// <summary>
/// Passwords handed out once (a new account, a reset): 16 characters without look-alikes (0/O, 1/l),
/// always with a digit, a lower-case and an upper-case letter, so they pass the password rules.
/// </summary>
public static class OneTimePassword
{
    private const string Lower = "abcdefghijkmnpqrstuvwxyz";
    private const string Upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private const string Digits = "23456789";

    public static string Generate()
    {
        var all = Lower + Upper + Digits;
        var chars = new char[16];
        chars[0] = Lower[RandomNumberGenerator.GetInt32(Lower.Length)];
        chars[1] = Upper[RandomNumberGenerator.GetInt32(Upper.Length)];
        chars[2] = Digits[RandomNumberGenerator.GetInt32(Digits.Length)];
        for (var i = 3; i < chars.Length; i++)
        {
            chars[i] = all[RandomNumberGenerator.GetInt32(all.Length)];
        }

        RandomNumberGenerator.Shuffle(chars.AsSpan());
        return new string(chars);
    }
}
