using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AgenteFilms.Tests.TestSupport.FakeOpenAi;

/// <summary>
/// An OpenAI-compatible chat completions server on 127.0.0.1 (a free port), in-process, over real HTTP.
/// It records every request and answers from a queue of scripted responses; when the queue is empty it asks
/// <see cref="Responder"/> (default: a short text reply). Paths: <c>/v1/chat/completions</c> (OpenAI and compatible)
/// and <c>/openai/deployments/{deployment}/chat/completions</c> (Azure OpenAI).
/// </summary>
/// <example>
/// <code>
/// await using var server = await FakeOpenAiServer.StartAsync();
/// server.Enqueue(FakeResponse.Error(429, retryAfter: "1"), FakeResponse.Reply("Hello"));
/// server.Responder = request => FakeResponse.Reply($"echo: {request.LastUserText}");
/// // profile: Provider = OpenAICompatible, Endpoint = server.OpenAiEndpoint
/// </code>
/// </example>
public sealed class FakeOpenAiServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<FakeResponse> _script = new();
    private readonly List<RecordedRequest> _requests = [];
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _stopping = new();

    private FakeOpenAiServer(WebApplication app) => _app = app;

    /// <summary>http://127.0.0.1:port/</summary>
    public Uri BaseUri { get; private set; } = null!;

    /// <summary>The endpoint for an OpenAI / OpenAI-compatible profile: http://127.0.0.1:port/v1</summary>
    public string OpenAiEndpoint => new Uri(BaseUri, "v1").ToString();

    /// <summary>The endpoint for an Azure OpenAI profile.</summary>
    public string AzureEndpoint => BaseUri.ToString();

    /// <summary>Answers requests when the script queue is empty. May be replaced at any time.</summary>
    public Func<RecordedRequest, FakeResponse> Responder { get; set; } = _ => FakeResponse.Reply("OK");

    /// <summary>Every request so far, in arrival order.</summary>
    public IReadOnlyList<RecordedRequest> Requests
    {
        get { lock (_gate) { return [.. _requests]; } }
    }

    /// <summary>Scripted responses, used one per request before <see cref="Responder"/>.</summary>
    public FakeOpenAiServer Enqueue(params FakeResponse[] responses)
    {
        foreach (var response in responses)
        {
            _script.Enqueue(response);
        }
        return this;
    }

    public static async Task<FakeOpenAiServer> StartAsync(CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(FakeOpenAiServer).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(options => options.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new FakeOpenAiServer(app);
        app.MapPost("/v1/chat/completions", server.HandleAsync);
        app.MapPost("/chat/completions", server.HandleAsync);
        app.MapPost("/openai/deployments/{deployment}/chat/completions", server.HandleAsync);
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUri = new Uri(address.EndsWith('/') ? address : address + "/");
        return server;
    }

    /// <summary>Polls until at least <paramref name="count"/> requests have arrived.</summary>
    public async Task<IReadOnlyList<RecordedRequest>> WaitForRequestsAsync(int count, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        while (true)
        {
            var requests = Requests;
            if (requests.Count >= count)
            {
                return requests;
            }
            try
            {
                await Task.Delay(10, cts.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Expected {count} requests within {timeout}, got {requests.Count}.");
            }
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        RecordedRequest request;
        lock (_gate)
        {
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var (name, value) in context.Request.Headers)
            {
                headers[name] = value.ToString();
            }
            request = new RecordedRequest(_requests.Count, context.Request.Method, context.Request.Path, headers, body, DateTimeOffset.UtcNow);
            _requests.Add(request);
        }

        var response = _script.TryDequeue(out var scripted) ? scripted : Responder(request);
        using var aborted = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
        try
        {
            await WriteAsync(context, request, response, aborted.Token);
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            // The client gave up (timeout test) or the server is stopping.
        }
    }

    private static async Task WriteAsync(HttpContext context, RecordedRequest request, FakeResponse response, CancellationToken cancellationToken)
    {
        if (response.Hang)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        if (response.Delay > TimeSpan.Zero)
        {
            await Task.Delay(response.Delay, cancellationToken);
        }

        var http = context.Response;
        http.StatusCode = response.StatusCode;
        if (response.RetryAfter is not null)
        {
            http.Headers.RetryAfter = response.RetryAfter;
        }
        foreach (var (name, value) in response.Headers)
        {
            http.Headers[name] = value;
        }

        if (response.RawBody is not null || response.StatusCode >= 300)
        {
            http.ContentType = response.ContentType;
            await http.WriteAsync(response.RawBody ?? "", cancellationToken);
            return;
        }

        var model = response.Model ?? request.Model ?? "fake-model";
        if (response.Stream ?? request.Stream)
        {
            await FakeCompletionWriter.WriteStreamAsync(http, response, model, request.IncludeUsage, cancellationToken);
        }
        else
        {
            http.ContentType = "application/json";
            await http.WriteAsync(FakeCompletionWriter.Completion(response, model).ToJsonString(), cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
        _stopping.Dispose();
    }
}
