using System.Diagnostics;
using AgenteFilms.Agents.Agents;
using AgenteFilms.Agents.Providers;
using Microsoft.Extensions.AI;

namespace AgenteFilms.Tests.Agents;

public sealed class OfflineChatClientTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static List<ChatMessage> ScreenwriterRequest() =>
    [
        new(ChatRole.System, PromptLibrary.Get("screenwriter")),
        new(ChatRole.User, """
            Task: Write the outline.
            Current state:
            <state key="brief" version="1">
            {"concept":"A retired lighthouse keeper in Nova Scotia discovers that the fog is alive.","genre":"horror"}
            </state>
            """),
    ];

    [Fact]
    public async Task StreamsTextInChunks_AndReportsEstimatedUsage()
    {
        using var client = new OfflineChatClient(new ModelProfileOptions());

        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in client.GetStreamingResponseAsync(ScreenwriterRequest(), cancellationToken: Ct))
        {
            updates.Add(update);
        }

        var text = string.Concat(updates.SelectMany(u => u.Contents).OfType<TextContent>().Select(t => t.Text));
        Assert.True(updates.Count(u => u.Contents.OfType<TextContent>().Any()) > 10);
        Assert.Contains("Nova Scotia", text); // no tools offered: the outline comes back as JSON text
        var usage = Assert.Single(updates.SelectMany(u => u.Contents).OfType<UsageContent>()).Details;
        Assert.InRange(usage.OutputTokenCount!.Value, text.Length / 4 - 1, (text.Length + 3) / 4 + 1);
        Assert.True(usage.InputTokenCount > 0);
    }

    [Fact]
    public async Task SimulatesTimeToFirstTokenAndTokensPerSecond()
    {
        using var client = new OfflineChatClient(new ModelProfileOptions { FirstTokenMs = 150, TokensPerSecond = 4000 });
        var clock = Stopwatch.StartNew();

        TimeSpan? first = null;
        long tokens = 0;
        await foreach (var update in client.GetStreamingResponseAsync(ScreenwriterRequest(), cancellationToken: Ct))
        {
            first ??= clock.Elapsed;
            if (update.Contents.OfType<UsageContent>().FirstOrDefault() is { } usage)
            {
                tokens = usage.Details.OutputTokenCount ?? 0;
            }
        }
        var total = clock.Elapsed;

        Assert.True(first >= TimeSpan.FromMilliseconds(150), $"First token after {first}.");
        var expected = TimeSpan.FromMilliseconds(150 + tokens * 1000.0 / 4000);
        Assert.True(total >= expected, $"Finished after {total}, expected at least {expected}.");
    }

    [Fact]
    public async Task Cancellation_StopsASlowStream()
    {
        using var client = new OfflineChatClient(new ModelProfileOptions { FirstTokenMs = 60_000 });
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        cts.CancelAfter(TimeSpan.FromMilliseconds(50));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.GetResponseAsync(ScreenwriterRequest(), cancellationToken: cts.Token));
    }

    [Fact]
    public async Task WithoutARoleMarker_AnswersPlainly()
    {
        using var client = new OfflineChatClient(new ModelProfileOptions());

        var response = await client.GetResponseAsync([new ChatMessage(ChatRole.User, "Hello there")], cancellationToken: Ct);

        Assert.Contains("Offline model", response.Text);
    }
}
