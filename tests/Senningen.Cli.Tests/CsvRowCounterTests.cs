using System.Text;
using Senningen.Cli.Commands;

namespace Senningen.Cli.Tests;

public sealed class CsvRowCounterTests
{
    [Theory]
    [InlineData("", 0)]
    [InlineData("a,b\n", 0)]
    [InlineData("a,b\n1,2\n3,4\n", 2)]
    [InlineData("a,b\n1,2\n3,4", 2)]
    [InlineData("a,b\r\n1,2\r\n", 1)]
    [InlineData("a,b\n1,\"two\nlines\"\n", 1)]
    [InlineData("a,b\n1,\"say \"\"hi\"\"\nthere\"\n2,x\n", 2)]
    public async Task CopyAsync_CountsDataRowsAfterTheHeader(string csv, long rows)
    {
        using var source = new MemoryStream(Encoding.UTF8.GetBytes(csv));
        using var destination = new MemoryStream();

        var counted = await CsvRowCounter.CopyAsync(source, destination, TestContext.Current.CancellationToken);

        counted.ShouldBe(rows);
        Encoding.UTF8.GetString(destination.ToArray()).ShouldBe(csv);
    }
}
