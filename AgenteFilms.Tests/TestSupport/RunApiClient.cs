using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace AgenteFilms.Tests.TestSupport;

/// <summary>Small helpers over the REST API, so tests read as what a client does.</summary>
public static class RunApiClient
{
    /// <summary>A slow offline profile: each model call waits before its first token, so runs can be watched mid-way.</summary>
    public static IReadOnlyDictionary<string, string?> SlowModelSettings(int firstTokenMs = 150) => new Dictionary<string, string?>
    {
        ["Llm:Profiles:slow:Provider"] = "Offline",
        ["Llm:Profiles:slow:Model"] = "offline",
        ["Llm:Profiles:slow:FirstTokenMs"] = firstTokenMs.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Llm:Profiles:slow:TokensPerSecond"] = "4000",
    };

    public static async Task<Guid> CreateSessionAsync(this HttpClient client, string title, string concept, string? modelProfile = null, string genre = "thriller")
    {
        var response = await client.PostAsJsonAsync("/api/sessions", new { title, concept, genre, modelProfile }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        return body.GetProperty("id").GetGuid();
    }

    /// <summary>Posts a message without waiting; returns the response (202 with the run's Location on success).</summary>
    public static Task<HttpResponseMessage> PostMessageAsync(this HttpClient client, Guid session, string message, string? idempotencyKey = null, bool wait = false) =>
        client.PostAsJsonAsync($"/api/sessions/{session}/messages{(wait ? "?wait=true" : "")}", new { message, idempotencyKey }, TestContext.Current.CancellationToken);

    public static async Task<JsonElement> GetJsonAsync(this HttpClient client, string path)
    {
        var response = await client.GetAsync(path, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
    }

    /// <summary>Polls a run until <paramref name="until"/> holds (or fails after the timeout).</summary>
    public static async Task<JsonElement> PollRunAsync(this HttpClient client, Uri location, Func<JsonElement, bool> until, int timeoutSeconds = 60)
    {
        var deadline = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        while (true)
        {
            var run = await client.GetJsonAsync(location.OriginalString);
            if (until(run))
            {
                return run;
            }
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"The run did not reach the expected state in {timeoutSeconds}s: {run}");
            }
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }

    public static string Status(this JsonElement run) => run.GetProperty("status").GetString()!;

    public static int CompletedSteps(this JsonElement run) =>
        run.GetProperty("steps").EnumerateArray().Count(s => s.GetProperty("status").GetString() == "Completed");
}
