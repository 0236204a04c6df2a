using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Serialization;
using AgenteFilms.Tests.TestSupport;

namespace AgenteFilms.Tests.Web.Endpoints.Compat;

/// <summary>
/// A chat client written only against the seed's contract, as the original React client is (frontend/src/App.jsx):
/// health check, create a session with no body, send a message, render the Markdown answer and the agents' thoughts.
/// It behaves like a browser page on another origin: it sends Origin, preflights the JSON POST, and refuses any answer
/// without the CORS allow header. Its only setting is the base URL.
/// </summary>
public sealed class SeedClientTests(SeedAppFixture fixture) : IClassFixture<SeedAppFixture>
{
    [Fact]
    public async Task AClientWrittenAgainstTheContract_CreatesASession_SendsAMessage_AndRendersTheAnswerAndThoughts()
    {
        var chat = new SeedChatClient(fixture.Address, SeedApp.ClientOrigin);

        var health = await chat.HealthAsync();
        var sessionId = await chat.CreateSessionAsync();
        var answer = await chat.SendAsync(sessionId, "A beekeeper in Oaxaca discovers her hives are mapping a buried city");
        var page = SeedChatClient.Render(answer);

        Assert.Equal("healthy", health.Status);
        Assert.Contains("<h1", page);
        Assert.Contains("Oaxaca", page);
        Assert.Contains("<li><strong>researcher</strong>:", page);
        Assert.Contains("<li><strong>pitch_writer</strong>:", page);
        Assert.All(answer.Thoughts, t => Assert.False(string.IsNullOrWhiteSpace(t.Text)));
    }

    /// <summary>Knows nothing of the server but the seed's paths and JSON.</summary>
    private sealed class SeedChatClient(Uri baseUrl, string origin)
    {
        private readonly HttpClient _http = new() { BaseAddress = baseUrl };

        public Task<Health> HealthAsync() => SendAsync<Health>(HttpMethod.Get, "/health", body: null);

        public async Task<string> CreateSessionAsync() => (await SendAsync<Session>(HttpMethod.Post, "/sessions", body: null)).Id;

        public async Task<Answer> SendAsync(string sessionId, string message)
        {
            // A JSON POST from another origin is not a "simple" request: the browser asks first.
            using var preflight = new HttpRequestMessage(HttpMethod.Options, $"/sessions/{sessionId}/messages");
            preflight.Headers.Add("Origin", origin);
            preflight.Headers.Add("Access-Control-Request-Method", "POST");
            preflight.Headers.Add("Access-Control-Request-Headers", "content-type");
            var allowed = await _http.SendAsync(preflight, TestContext.Current.CancellationToken);
            AssertBrowserWouldAccept(allowed);
            return await SendAsync<Answer>(HttpMethod.Post, $"/sessions/{sessionId}/messages", JsonContent.Create(new { message }));
        }

        /// <summary>What the page shows: the answer as Markdown, then the chain of thought.</summary>
        public static string Render(Answer answer)
        {
            var thoughts = new StringBuilder();
            foreach (var thought in answer.Thoughts)
            {
                thoughts.Append("- **").Append(thought.Agent).Append("**: ").AppendLine(thought.Text.ReplaceLineEndings(" "));
            }
            return Markdig.Markdown.ToHtml(answer.Response) + Markdig.Markdown.ToHtml(thoughts.ToString());
        }

        private async Task<T> SendAsync<T>(HttpMethod method, string path, HttpContent? body)
        {
            using var request = new HttpRequestMessage(method, path) { Content = body };
            request.Headers.Add("Origin", origin);
            var response = await _http.SendAsync(request, TestContext.Current.CancellationToken);
            AssertBrowserWouldAccept(response);
            response.EnsureSuccessStatusCode();
            return (await response.Content.ReadFromJsonAsync<T>(TestContext.Current.CancellationToken))!;
        }

        private void AssertBrowserWouldAccept(HttpResponseMessage response) =>
            Assert.Equal(origin, response.Headers.TryGetValues("Access-Control-Allow-Origin", out var values) ? values.Single() : null);
    }

    private sealed record Health([property: JsonPropertyName("status")] string Status, [property: JsonPropertyName("service")] string Service);

    private sealed record Session([property: JsonPropertyName("id")] string Id);

    private sealed record Answer(
        [property: JsonPropertyName("response")] string Response,
        [property: JsonPropertyName("session_id")] string SessionId,
        [property: JsonPropertyName("thoughts")] IReadOnlyList<Thought> Thoughts);

    private sealed record Thought(
        [property: JsonPropertyName("agent")] string Agent,
        [property: JsonPropertyName("text")] string Text,
        [property: JsonPropertyName("status")] string Status);
}
