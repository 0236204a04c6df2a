using System.Text.Json;

namespace AgenteFilms.Tests.TestSupport.FakeOpenAi;

/// <summary>A tool call the fake model asks for.</summary>
public sealed record FakeToolCall(string Name, string ArgumentsJson, string Id);

/// <summary>Token counts the fake model reports.</summary>
public sealed record FakeUsage(int PromptTokens, int CompletionTokens);

/// <summary>
/// What the fake server answers to one request. A completion (text and/or tool calls) is rendered as JSON or as an SSE
/// stream, as the request asked (or <see cref="Stream"/> forces); a <see cref="RawBody"/> or an error status is sent as is.
/// </summary>
public sealed record FakeResponse
{
    public int StatusCode { get; init; } = 200;

    /// <summary>Assistant text (null with tool calls only).</summary>
    public string? Text { get; init; }

    public IReadOnlyList<FakeToolCall> ToolCalls { get; init; } = [];

    /// <summary>Usage to report; null reports none.</summary>
    public FakeUsage? Usage { get; init; } = new(10, 5);

    /// <summary>Model id in the response (default: the model the request named).</summary>
    public string? Model { get; init; }

    /// <summary>Wait this long before sending the status and headers.</summary>
    public TimeSpan Delay { get; init; }

    /// <summary>Never answer: hold the request until the client gives up (or the server stops).</summary>
    public bool Hang { get; init; }

    /// <summary>Raw <c>Retry-After</c> header value: seconds ("1") or an HTTP date.</summary>
    public string? RetryAfter { get; init; }

    /// <summary>A body sent as is, instead of a rendered completion.</summary>
    public string? RawBody { get; init; }

    public string ContentType { get; init; } = "application/json";

    /// <summary>Extra response headers.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>Force a stream (true) or a JSON body (false); null follows the request's <c>stream</c> flag.</summary>
    public bool? Stream { get; init; }

    /// <summary>Streaming: the text deltas to send (default: the text split after each space).</summary>
    public IReadOnlyList<string>? TextChunks { get; init; }

    /// <summary>Streaming: pause between chunks.</summary>
    public TimeSpan ChunkDelay { get; init; }

    /// <summary>Streaming: stop sending (but keep the connection open) after this many chunks.</summary>
    public int? HangAfterChunks { get; init; }

    /// <summary>A plain assistant reply.</summary>
    public static FakeResponse Reply(string text, FakeUsage? usage = null) =>
        new() { Text = text, Usage = usage ?? new FakeUsage(10, 5) };

    /// <summary>The model asks for one tool call; <paramref name="arguments"/> is serialized to JSON unless it is a string.</summary>
    public static FakeResponse CallTool(string name, object arguments, string? id = null, FakeUsage? usage = null) => new()
    {
        ToolCalls = [new FakeToolCall(name, arguments as string ?? JsonSerializer.Serialize(arguments), id ?? $"call_{Guid.NewGuid():N}")],
        Usage = usage ?? new FakeUsage(10, 5),
    };

    /// <summary>An error status with OpenAI's error body shape.</summary>
    public static FakeResponse Error(int statusCode, string message = "error", string? retryAfter = null, string type = "server_error") => new()
    {
        StatusCode = statusCode,
        RetryAfter = retryAfter,
        RawBody = JsonSerializer.Serialize(new { error = new { message, type, code = (string?)null } }),
    };

    /// <summary>A response that never comes.</summary>
    public static FakeResponse Hanging() => new() { Hang = true };
}
