using AgenteFilms.Agents.Providers;
using Microsoft.Extensions.AI;

namespace AgenteFilms.Tests.Agents.Providers;

public sealed class TokenCounterTests
{
    private readonly TokenCounter _counter = new();

    [Theory]
    [InlineData(null, 0)]
    [InlineData("", 0)]
    [InlineData("Hello, world!", 4)]
    [InlineData("The quick brown fox jumps over the lazy dog.", 10)]
    public void CountsO200kTokens(string? text, int expected) => Assert.Equal(expected, _counter.Count(text));

    [Fact]
    public void CountsMessages_WithFraming()
    {
        ChatMessage[] messages = [new(ChatRole.System, "Hello, world!"), new(ChatRole.User, "The quick brown fox jumps over the lazy dog.")];

        // 3 priming + (3 + 4) + (3 + 10)
        Assert.Equal(23, _counter.Count(messages));
    }

    [Fact]
    public void Estimate_PricesInputAndTheOutputRange()
    {
        var profile = new ModelProfileOptions { InputPricePer1M = 2.50m, OutputPricePer1M = 10m };
        ChatMessage[] messages = [new(ChatRole.User, "Hello, world!")];

        var estimate = _counter.Estimate(profile, messages, expectedOutputTokens: 1000, maxOutputTokens: 4000);

        Assert.Equal(new TokenEstimate(10, 1000, 4000, (10 * 2.50m + 1000 * 10m) / 1_000_000m, (10 * 2.50m + 4000 * 10m) / 1_000_000m), estimate);
    }
}
