using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using AgenteFilms.Agents.Providers;
using AgenteFilms.Agents.Providers.Http;
using AgenteFilms.Tests.TestSupport.FakeOpenAi;
using Microsoft.Extensions.AI;
using Polly;

namespace AgenteFilms.Tests.Agents.Providers;

public sealed class ResilienceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RateLimited_WaitsForRetryAfter_ThenSucceeds()
    {
        await using var server = await FakeOpenAiServer.StartAsync(Ct);
        server.Enqueue(FakeResponse.Error(429, "slow down", retryAfter: "1"), FakeResponse.Reply("Made it"));
        // Backoff of 10 ms: only the Retry-After header can make the client wait a whole second.
        await using var services = ProviderTestServices.Create(ProviderTestServices.Profile(server, retryBaseDelayMs: 10));

        var response = await services.Factory.Create("fake").GetResponseAsync("Hi", cancellationToken: Ct);

        Assert.Equal("Made it", response.Text);
        var requests = server.Requests;
        Assert.Equal(2, requests.Count);
        Assert.True(requests[1].ReceivedAt - requests[0].ReceivedAt >= TimeSpan.FromMilliseconds(990),
            $"Retried after {(requests[1].ReceivedAt - requests[0].ReceivedAt).TotalMilliseconds} ms");
        Assert.Equal(requests[0].Body, requests[1].Body);
    }

    [Theory]
    [InlineData(LlmProvider.OpenAICompatible)]
    [InlineData(LlmProvider.AzureOpenAI)]
    public async Task ServiceUnavailableForever_FailsAfterMaxRetriesPlusOneAttempts(LlmProvider provider)
    {
        await using var server = await FakeOpenAiServer.StartAsync(Ct);
        server.Responder = _ => FakeResponse.Error(503, "overloaded");
        await using var services = ProviderTestServices.Create(
            ProviderTestServices.Profile(server, name: "flaky", provider: provider, maxRetries: 3));

        var ex = await Assert.ThrowsAsync<ModelRequestException>(
            () => services.Factory.Create("flaky").GetResponseAsync("Hi", cancellationToken: Ct));

        // Exactly 4: the SDK's own retries are off, so ours are not multiplied.
        Assert.Equal(4, server.Requests.Count);
        Assert.Equal(4, ex.Attempts);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ex.StatusCode);
        Assert.Equal(ModelFailureKind.HttpError, ex.Kind);
        Assert.Equal("flaky", ex.ProfileName);
        Assert.StartsWith("Model request to profile 'flaky' failed after 4 attempts: 503 Service Unavailable", ex.Message);
        Assert.Contains("overloaded", ex.Message);
    }

    [Fact]
    public async Task ServiceUnavailableForever_WhileStreaming_FailsTheSameWay()
    {
        await using var server = await FakeOpenAiServer.StartAsync(Ct);
        server.Responder = _ => FakeResponse.Error(503);
        await using var services = ProviderTestServices.Create(ProviderTestServices.Profile(server, maxRetries: 1));

        var ex = await Assert.ThrowsAsync<ModelRequestException>(async () =>
        {
            await foreach (var _ in services.Factory.Create("fake").GetStreamingResponseAsync("Hi", cancellationToken: Ct))
            {
            }
        });

        Assert.Equal(2, server.Requests.Count);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ex.StatusCode);
    }

    [Fact]
    public async Task ClientError_IsNotRetried_AndCarriesTheServerMessage()
    {
        await using var server = await FakeOpenAiServer.StartAsync(Ct);
        server.Responder = _ => FakeResponse.Error(400, "messages must not be empty", type: "invalid_request_error");
        await using var services = ProviderTestServices.Create(ProviderTestServices.Profile(server, maxRetries: 3));

        var ex = await Assert.ThrowsAsync<ModelRequestException>(
            () => services.Factory.Create("fake").GetResponseAsync("Hi", cancellationToken: Ct));

        Assert.Single(server.Requests);
        Assert.Equal(HttpStatusCode.BadRequest, ex.StatusCode);
        Assert.Equal("messages must not be empty", ex.ServerMessage);
        Assert.Equal("Model request to profile 'fake' failed after 1 attempt: 400 Bad Request (messages must not be empty)", ex.Message);
    }

    [Fact]
    public async Task HungAttempts_AreCutByTheAttemptTimeout_AndRetried()
    {
        await using var server = await FakeOpenAiServer.StartAsync(Ct);
        server.Enqueue(FakeResponse.Hanging(), FakeResponse.Hanging());
        await using var services = ProviderTestServices.Create(
            ProviderTestServices.Profile(server, maxRetries: 1, attemptTimeoutSeconds: 1, totalTimeoutSeconds: 10));
        var clock = Stopwatch.StartNew();

        var ex = await Assert.ThrowsAsync<ModelRequestException>(
            () => services.Factory.Create("fake").GetResponseAsync("Hi", cancellationToken: Ct));

        clock.Stop();
        Assert.Equal(ModelFailureKind.Timeout, ex.Kind);
        Assert.Equal(2, ex.Attempts);
        Assert.Equal(2, server.Requests.Count);
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(1.9), TimeSpan.FromSeconds(8));
        Assert.StartsWith("Model request to profile 'fake' timed out after 2 attempts", ex.Message);
    }

    [Fact]
    public async Task HungServer_IsCutByTheTotalTimeout()
    {
        await using var server = await FakeOpenAiServer.StartAsync(Ct);
        server.Responder = _ => FakeResponse.Hanging();
        await using var services = ProviderTestServices.Create(
            ProviderTestServices.Profile(server, maxRetries: 10, attemptTimeoutSeconds: 1, totalTimeoutSeconds: 2));
        var clock = Stopwatch.StartNew();

        var ex = await Assert.ThrowsAsync<ModelRequestException>(
            () => services.Factory.Create("fake").GetResponseAsync("Hi", cancellationToken: Ct));

        clock.Stop();
        Assert.Equal(ModelFailureKind.Timeout, ex.Kind);
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(1.9), TimeSpan.FromSeconds(6));
        // Far fewer than the 11 attempts retries would allow: the total budget ended it.
        Assert.InRange(server.Requests.Count, 2, 3);
    }

    [Fact]
    public async Task CallerCancellation_IsNotRetriedNorReportedAsAFailure()
    {
        await using var server = await FakeOpenAiServer.StartAsync(Ct);
        server.Responder = _ => FakeResponse.Hanging();
        await using var services = ProviderTestServices.Create(
            ProviderTestServices.Profile(server, maxRetries: 3, attemptTimeoutSeconds: 3, totalTimeoutSeconds: 6));
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);

        var call = services.Factory.Create("fake").GetResponseAsync("Hi", cancellationToken: stop.Token);
        await server.WaitForRequestsAsync(1, TimeSpan.FromSeconds(10));
        await stop.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task UnreachableHost_FailsAsUnreachable()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Llm:DefaultProfile"] = "gone",
            ["Llm:Profiles:gone:Provider"] = "OpenAICompatible",
            ["Llm:Profiles:gone:Model"] = "m",
            ["Llm:Profiles:gone:Endpoint"] = $"http://127.0.0.1:{FreePort()}/v1",
            ["Llm:Profiles:gone:MaxRetries"] = "1",
            ["Llm:Profiles:gone:RetryBaseDelayMs"] = "10",
        };
        await using var services = ProviderTestServices.Create(settings);

        var ex = await Assert.ThrowsAsync<ModelRequestException>(
            () => services.Factory.Create(null).GetResponseAsync("Hi", cancellationToken: Ct));

        Assert.Equal(ModelFailureKind.Unreachable, ex.Kind);
        Assert.Equal(2, ex.Attempts);
        Assert.Contains("could not reach http://127.0.0.1:", ex.Message);
    }

    [Fact]
    public void RetryAfter_ReadsSecondsAndDates()
    {
        var now = new DateTimeOffset(2025, 1, 1, 12, 0, 0, TimeSpan.Zero);
        var clock = new FixedTimeProvider(now);

        Assert.Equal(TimeSpan.FromSeconds(7), ModelResilience.RetryAfter(new RetryConditionHeaderValue(TimeSpan.FromSeconds(7)), clock));
        Assert.Equal(TimeSpan.FromSeconds(30), ModelResilience.RetryAfter(new RetryConditionHeaderValue(now.AddSeconds(30)), clock));
        Assert.Equal(TimeSpan.Zero, ModelResilience.RetryAfter(new RetryConditionHeaderValue(now.AddSeconds(-5)), clock));
        Assert.Null(ModelResilience.RetryAfter(null, clock));
    }

    [Fact]
    public void RetryAfterBeyondTheTotalBudget_IsNotWaitedFor()
    {
        var clock = new FixedTimeProvider(DateTimeOffset.UtcNow);
        using var later = new HttpResponseMessage(HttpStatusCode.TooManyRequests) { Headers = { RetryAfter = new(TimeSpan.FromSeconds(5)) } };
        using var muchLater = new HttpResponseMessage(HttpStatusCode.TooManyRequests) { Headers = { RetryAfter = new(TimeSpan.FromMinutes(10)) } };
        using var notImplemented = new HttpResponseMessage(HttpStatusCode.NotImplemented);

        Assert.True(ModelResilience.ShouldRetry(Outcome.FromResult(later), TimeSpan.FromMinutes(1), clock));
        Assert.False(ModelResilience.ShouldRetry(Outcome.FromResult(muchLater), TimeSpan.FromMinutes(1), clock));
        Assert.False(ModelResilience.ShouldRetry(Outcome.FromResult(notImplemented), TimeSpan.FromMinutes(1), clock));
    }

    private static int FreePort()
    {
        var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
