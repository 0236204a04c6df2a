using AgenteFilms.Data;
using Microsoft.Extensions.Time.Testing;

namespace AgenteFilms.Tests.Data;

public sealed class SequentialIdTests
{
    [Fact]
    public void IdsIncrease_InTheirStringAndByteOrder_EvenWithinOneMillisecond()
    {
        var frozen = new FakeTimeProvider(DateTimeOffset.UtcNow.AddYears(1));

        var ids = Enumerable.Range(0, 2_000).Select(_ => SequentialId.Next(frozen)).ToList();

        // SQLite compares them as text, PostgreSQL as bytes: both orders must be the order of creation.
        Assert.Equal(ids.Select(i => i.ToString()), ids.Select(i => i.ToString()).Order(StringComparer.Ordinal));
        Assert.Equal(ids, ids.Order());
        Assert.All(ids, i => Assert.Equal(7, i.Version));
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }
}
