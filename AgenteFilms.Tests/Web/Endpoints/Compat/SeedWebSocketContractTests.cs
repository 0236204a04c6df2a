using System.Net;
using System.Net.WebSockets;
using System.Text.Json;
using AgenteFilms.Tests.TestSupport;

namespace AgenteFilms.Tests.Web.Endpoints.Compat;

/// <summary><c>WS /ws/sessions/{id}</c> over a real socket (ClientWebSocket against Kestrel) with the offline model.</summary>
public sealed class SeedWebSocketContractTests(SeedAppFixture fixture) : IClassFixture<SeedAppFixture>
{
    private const string Concept = "A night-shift radio host in Lisbon takes a call from a listener who claims to be her future self";

    [Fact]
    public async Task AMessage_IsAnsweredWithStatus_ThenTheRunsEvents_ThenTheResponse()
    {
        using var client = fixture.Client();
        var session = await client.CreateSeedSessionAsync();
        await using var socket = await SeedSocket.ConnectAsync(fixture.Address, $"/ws/sessions/{session}");

        await socket.SendMessageAsync(Concept);
        var frames = await socket.ReceiveTurnAsync();

        var status = frames[0];
        Assert.Equal(["content", "type"], status.Members());
        Assert.Equal("status", status.GetProperty("type").GetString());
        Assert.Equal("Processing your message...", status.GetProperty("content").GetString());

        var events = frames[1..^1];
        Assert.All(events, e =>
        {
            Assert.Equal("event", e.GetProperty("type").GetString());
            Assert.Equal(["data", "event", "run_id", "sequence", "type"], e.Members());
            Assert.Equal(JsonValueKind.Object, e.GetProperty("data").ValueKind);
        });
        var names = events.Select(e => e.GetProperty("event").GetString()).ToList();
        Assert.Equal("run_started", names[0]);
        Assert.Equal("run_completed", names[^1]);
        Assert.Contains("agent_started", names);
        Assert.Contains("text_delta", names);
        var sequences = events.Select(e => e.GetProperty("sequence").GetInt64()).ToList();
        Assert.Equal(sequences.Order(), sequences);
        Assert.Equal(sequences.Count, sequences.Distinct().Count());
        Assert.Single(events.Select(e => e.GetProperty("run_id").GetGuid()).Distinct());
        var started = events.First(e => e.GetProperty("event").GetString() == "agent_started").GetProperty("data");
        Assert.Equal("researcher", started.GetProperty("agent").GetString());

        var response = frames[^1];
        Assert.Equal(["content", "session_id", "type"], response.Members());
        Assert.Equal("response", response.GetProperty("type").GetString());
        Assert.Equal(session.ToString(), response.GetProperty("session_id").GetString());
        var content = response.GetProperty("content");
        Assert.Equal(["response", "session_id", "thoughts"], content.Members());
        Assert.Equal(session.ToString(), content.GetProperty("session_id").GetString());
        Assert.Contains("Lisbon", content.GetProperty("response").GetString());
        var thoughts = content.GetProperty("thoughts").EnumerateArray().Select(t => t.GetProperty("agent").GetString()).ToList();
        var completed = events.Where(e => e.GetProperty("event").GetString() == "agent_completed")
            .Select(e => e.GetProperty("data").GetProperty("agent").GetString()).ToList();
        Assert.Equal(completed.Order(), thoughts.Order());
        Assert.Equal(WebSocketState.Open, socket.State);
    }

    [Fact]
    public async Task AnEmptyMessage_IsAnErrorFrame_AndTheSocketStaysOpenForTheNextMessages()
    {
        using var client = fixture.Client();
        var session = await client.CreateSeedSessionAsync();
        await using var socket = await SeedSocket.ConnectAsync(fixture.Address, $"/ws/sessions/{session}");

        foreach (var empty in new[] { """{"message": ""}""", """{"message": "   "}""", """{}""" })
        {
            await socket.SendAsync(empty);
            var error = await socket.ReceiveAsync();
            Assert.Equal("""{"type":"error","content":"Message cannot be empty"}""", error.GetRawText());
        }
        await socket.SendAsync("this is not JSON");
        var invalid = await socket.ReceiveAsync();
        Assert.Equal("error", invalid.GetProperty("type").GetString());
        Assert.Contains("message", invalid.GetProperty("content").GetString());

        await socket.SendMessageAsync(Concept);
        var first = await socket.ReceiveTurnAsync();
        await socket.SendMessageAsync("Please revise the casting ideas with younger, less obvious actors");
        var second = await socket.ReceiveTurnAsync();

        Assert.Equal("status", first[0].GetProperty("type").GetString());
        Assert.Equal("response", first[^1].GetProperty("type").GetString());
        Assert.Equal("status", second[0].GetProperty("type").GetString());
        Assert.Equal("response", second[^1].GetProperty("type").GetString());
        var showrunner = second[^1].GetProperty("content").GetProperty("thoughts")[0].GetProperty("agent").GetString();
        Assert.Equal("greeter", showrunner);
        Assert.Equal(WebSocketState.Open, socket.State);
    }

    [Theory]
    [InlineData(SeedApp.ClientOrigin)]
    [InlineData(SeedApp.OtherClientOrigin)]
    public async Task APageOfAConfiguredOrigin_Connects(string origin)
    {
        using var client = fixture.Client();
        var session = await client.CreateSeedSessionAsync();

        await using var socket = await SeedSocket.ConnectAsync(fixture.Address, $"/ws/sessions/{session}", origin);

        Assert.Equal(WebSocketState.Open, socket.State);
    }

    [Fact]
    public async Task APageOfAnotherOrigin_IsRefusedAtTheHandshake()
    {
        using var client = fixture.Client();
        var session = await client.CreateSeedSessionAsync();

        var status = await SeedSocket.RefusedStatusAsync(fixture.Address, $"/ws/sessions/{session}", "https://evil.example");

        Assert.Equal(HttpStatusCode.Forbidden, status);
    }

    [Fact]
    public async Task AnUnknownSession_Is404_AndAMalformedId_Is422_AtTheHandshake()
    {
        Assert.Equal(HttpStatusCode.NotFound, await SeedSocket.RefusedStatusAsync(fixture.Address, $"/ws/sessions/{Guid.NewGuid()}"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, await SeedSocket.RefusedStatusAsync(fixture.Address, "/ws/sessions/not-a-uuid"));
    }

    [Fact]
    public async Task AnAccessTokenInTheQuery_IsAccepted()
    {
        using var client = fixture.Client();
        var session = await client.CreateSeedSessionAsync();

        await using var socket = await SeedSocket.ConnectAsync(fixture.Address, $"/ws/sessions/{session}?access_token=not-checked-until-accounts");

        await socket.SendAsync("""{"message": ""}""");
        Assert.Equal("error", (await socket.ReceiveAsync()).GetProperty("type").GetString());
    }
}
