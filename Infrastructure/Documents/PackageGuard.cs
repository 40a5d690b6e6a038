using System.Buffers.Binary;
using HighServiceDashboard.Domain.Plans.Reading;

namespace HighServiceDashboard.Infrastructure.Documents;

/// <summary>
/// Looks at a zip package's central directory before anything opens it: how many entries, how large
/// they say they are once uncompressed, and how hard each one is compressed. A .docx that would
/// expand past <see cref="PlanLoadLimits.MaxPackageBytes"/> or holds a zip bomb is refused here, with
/// a finding, without one byte being decompressed. Reads the directory itself rather than through
/// <see cref="System.IO.Compression.ZipArchive"/>, which would first build an object for every entry.
/// </summary>
public static class PackageGuard
{
    private const uint EndOfDirectorySignature = 0x06054b50;
    private const uint Zip64LocatorSignature = 0x07064b50;
    private const uint Zip64EndSignature = 0x06064b50;
    private const uint DirectoryEntrySignature = 0x02014b50;
    private const int EndOfDirectorySize = 22;
    private const int DirectoryEntrySize = 46;

    /// <summary>Why the package must not be opened, or null when it may (a damaged directory is left to the package reader to report).</summary>
    public static PlanFinding? Check(ReadOnlySpan<byte> zip)
    {
        var end = FindEndOfDirectory(zip);
        if (end < 0)
        {
            return null;
        }

        long entries = BinaryPrimitives.ReadUInt16LittleEndian(zip[(end + 10)..]);
        long offset = BinaryPrimitives.ReadUInt32LittleEndian(zip[(end + 16)..]);
        if ((entries == 0xFFFF || offset == 0xFFFFFFFF) && ReadZip64End(zip, end) is { } zip64)
        {
            (entries, offset) = zip64;
        }

        if (entries > PlanLoadLimits.MaxPackageEntries)
        {
            return TooManyEntries(entries);
        }

        long total = 0;
        var position = offset;
        for (var i = 0; i < entries; i++)
        {
            if (position < 0 || position > zip.Length - DirectoryEntrySize || BinaryPrimitives.ReadUInt32LittleEndian(zip[(int)position..]) != DirectoryEntrySignature)
            {
                return null;
            }

            var entry = zip[(int)position..];
            long compressed = BinaryPrimitives.ReadUInt32LittleEndian(entry[20..]);
            long uncompressed = BinaryPrimitives.ReadUInt32LittleEndian(entry[24..]);
            int nameLength = BinaryPrimitives.ReadUInt16LittleEndian(entry[28..]);
            int extraLength = BinaryPrimitives.ReadUInt16LittleEndian(entry[30..]);
            int commentLength = BinaryPrimitives.ReadUInt16LittleEndian(entry[32..]);
            if (DirectoryEntrySize + nameLength + extraLength > entry.Length)
            {
                return null;
            }

            if (uncompressed == 0xFFFFFFFF || compressed == 0xFFFFFFFF)
            {
                (uncompressed, compressed) = ReadZip64Sizes(entry.Slice(DirectoryEntrySize + nameLength, extraLength), uncompressed, compressed);
            }

            var name = System.Text.Encoding.UTF8.GetString(entry.Slice(DirectoryEntrySize, nameLength));
            total += uncompressed;
            if (uncompressed < 0 || total > PlanLoadLimits.MaxPackageBytes)
            {
                return TooLarge();
            }

            if (uncompressed > PlanLoadLimits.CompressionCheckedFrom && uncompressed > Math.Max(1, compressed) * PlanLoadLimits.MaxCompressionRatio)
            {
                return TooCompressed(name, uncompressed, compressed);
            }

            position += DirectoryEntrySize + nameLength + extraLength + commentLength;
        }

        return null;
    }

    // The end record sits in the last 22 bytes, or before a comment of up to 64 KB.
    private static int FindEndOfDirectory(ReadOnlySpan<byte> zip)
    {
        var lowest = Math.Max(0, zip.Length - EndOfDirectorySize - ushort.MaxValue);
        for (var i = zip.Length - EndOfDirectorySize; i >= lowest; i--)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(zip[i..]) == EndOfDirectorySignature)
            {
                return i;
            }
        }

        return -1;
    }

    private static (long Entries, long Offset)? ReadZip64End(ReadOnlySpan<byte> zip, int end)
    {
        var locator = end - 20;
        if (locator < 0 || BinaryPrimitives.ReadUInt32LittleEndian(zip[locator..]) != Zip64LocatorSignature)
        {
            return null;
        }

        var record = BinaryPrimitives.ReadInt64LittleEndian(zip[(locator + 8)..]);
        if (record < 0 || record > zip.Length - 56 || BinaryPrimitives.ReadUInt32LittleEndian(zip[(int)record..]) != Zip64EndSignature)
        {
            return null;
        }

        return (BinaryPrimitives.ReadInt64LittleEndian(zip[((int)record + 32)..]), BinaryPrimitives.ReadInt64LittleEndian(zip[((int)record + 48)..]));
    }

    // The zip64 extra field carries the sizes whose 32-bit fields read 0xFFFFFFFF, uncompressed first.
    private static (long Uncompressed, long Compressed) ReadZip64Sizes(ReadOnlySpan<byte> extra, long uncompressed, long compressed)
    {
        while (extra.Length >= 4)
        {
            var id = BinaryPrimitives.ReadUInt16LittleEndian(extra);
            var size = BinaryPrimitives.ReadUInt16LittleEndian(extra[2..]);
            if (size > extra.Length - 4)
            {
                break;
            }

            if (id == 0x0001)
            {
                var field = extra.Slice(4, size);
                if (uncompressed == 0xFFFFFFFF && field.Length >= 8)
                {
                    uncompressed = BinaryPrimitives.ReadInt64LittleEndian(field);
                    field = field[8..];
                }

                if (compressed == 0xFFFFFFFF && field.Length >= 8)
                {
                    compressed = BinaryPrimitives.ReadInt64LittleEndian(field);
                }

                break;
            }

            extra = extra[(4 + size)..];
        }

        return (uncompressed, compressed);
    }

    private static PlanFinding TooManyEntries(long entries) => PlanFinding.Error(PlanFindingCodes.PackageTooLarge,
        $"檔案內含 {entries:N0} 個項目，超過上限 {PlanLoadLimits.MaxPackageEntries:N0} 個，不像是一份 Word 計畫，無法讀取。",
        $"The file holds {entries:N0} entries, more than the limit of {PlanLoadLimits.MaxPackageEntries:N0}; it is not a Word plan and cannot be read.");

    private static PlanFinding TooLarge() => PlanFinding.Error(PlanFindingCodes.PackageTooLarge,
        $"檔案解壓縮後超過 {PlanLoadLimits.MaxPackageBytes / 1024 / 1024} MB，無法讀取；請移除大型圖片或附件後再上傳。",
        $"The file expands to more than {PlanLoadLimits.MaxPackageBytes / 1024 / 1024} MB when unpacked and cannot be read; remove large pictures or attachments and upload again.");

    private static PlanFinding TooCompressed(string name, long uncompressed, long compressed) => PlanFinding.Error(PlanFindingCodes.PackageTooCompressed,
        $"檔案中的 {name} 壓縮比異常（{uncompressed / 1024 / 1024:N0} MB 壓縮成 {compressed / 1024.0:N0} KB），可能是惡意的壓縮炸彈，已拒絕讀取。",
        $"The file's {name} is compressed abnormally hard ({uncompressed / 1024 / 1024:N0} MB into {compressed / 1024.0:N0} KB), as a zip bomb is; it was not read.");
}
