namespace Senningen.Cli.Commands;

/// <summary>Copies a CSV stream and counts its data rows (records after the header) on the way through.</summary>
internal static class CsvRowCounter
{
    /// <summary>Line breaks inside quoted fields do not end a record; a doubled quote toggles twice, so it is neutral.</summary>
    public static async Task<long> CopyAsync(Stream source, Stream destination, CancellationToken ct)
    {
        var buffer = new byte[81920];
        long records = 0;
        var quoted = false;
        var recordOpen = false;
        int read;
        while ((read = await source.ReadAsync(buffer, ct)) > 0)
        {
            await destination.WriteAsync(buffer.AsMemory(0, read), ct);
            foreach (var b in buffer.AsSpan(0, read))
            {
                if (b == (byte)'"')
                {
                    quoted = !quoted;
                }
                else if (b == (byte)'\n' && !quoted)
                {
                    records++;
                    recordOpen = false;
                    continue;
                }

                recordOpen |= b != (byte)'\r';
            }
        }

        if (recordOpen)
        {
            records++;
        }

        return Math.Max(0, records - 1);
    }
}
