using System.Globalization;
using AgenteFilms.Tests.TestSupport;

namespace AgenteFilms.Tests.Web.Endpoints;

/// <summary>The SSE stream over real HTTP (Kestrel on 127.0.0.1).</summary>
public sealed class EventStreamTests : IClassFixture<SqliteTestDatabase>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly SqliteTestDatabase _database;

    public EventStreamTests(SqliteTestDatabase database) => _database = database;

    [Fact]
    public async Task LateSubscriber_ReplaysTheRunFromItsStart_ThenLive_WithoutGapsOrDuplicates()
    {
        var settings = new Dictionary<string, string?>(_database.AppSettings);
        foreach (var (key, value) in RunApiClient.SlowModelSettings())
        {
            settings[key] = value;
        }
        await using var app = new AppFactory(settings);
        var baseAddress = app.StartKestrel();
        using var client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(2) }.SignedIn();
        var session = await client.CreateSessionAsync("Late", "A night-shift radio host receives calls from listeners who died years ago", "slow");
        var started = await client.PostMessageAsync(session, "Go");
        await client.PollRunAsync(started.Headers.Location!, r => r.CompletedSteps() >= 2);

        // Subscribe mid-run: everything since run_started comes first, then live events until the run ends.
        var events = new List<SseMessage>();
        await foreach (var message in SseReader.ReadAsync(client, $"/api/sessions/{session}/events", null, Ct))
        {
            events.Add(message);
            if (message.Event is "run_completed" or "run_failed" or "run_cancelled")
            {
                break;
            }
        }

        Assert.Equal("run_started", events[0].Event);
        Assert.Equal("run_completed", events[^1].Event);
        var ids = events.Select(e => long.Parse(e.Id!, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(Enumerable.Range(0, ids.Count).Select(i => ids[0] + i), ids);
        Assert.Contains(events, e => e.Event == "text_delta");
        Assert.Equal(
            events.Count(e => e.Event == "agent_started"),
            events.Count(e => e.Event == "agent_completed"));

        // Reconnecting with Last-Event-ID gets exactly what followed that event.
        var resumeFrom = events[4];
        var replayed = new List<SseMessage>();
        await foreach (var message in SseReader.ReadAsync(client, $"/api/sessions/{session}/events", resumeFrom.Id, Ct))
        {
            replayed.Add(message);
            if (message.Event == "run_completed")
            {
                break;
            }
        }
        Assert.Equal(events.Skip(5).Select(e => e.Id), replayed.Select(e => e.Id));
    }
}
