using System.Text.Json.Nodes;

namespace AgenteFilms.Tests.TestSupport.FakeOpenAi;

/// <summary>One request the fake server received, as it arrived on the wire.</summary>
public sealed record RecordedRequest(
    int Index,
    string Method,
    string Path,
    IReadOnlyDictionary<string, string> Headers,
    string Body,
    DateTimeOffset ReceivedAt)
{
    private readonly Lazy<JsonObject?> _json = new(() => TryParse(Body));

    /// <summary>The body as JSON (null when it is not a JSON object).</summary>
    public JsonObject? Json => _json.Value;

    public string? Model => Json?["model"]?.GetValue<string>();

    /// <summary>True when the client asked for a stream (<c>"stream": true</c>).</summary>
    public bool Stream => Json?["stream"]?.GetValue<bool>() ?? false;

    /// <summary>True when a streaming client asked for a final usage chunk (<c>stream_options.include_usage</c>).</summary>
    public bool IncludeUsage => Json?["stream_options"]?["include_usage"]?.GetValue<bool>() ?? false;

    public JsonArray Messages => Json?["messages"] as JsonArray ?? [];

    public JsonArray Tools => Json?["tools"] as JsonArray ?? [];

    /// <summary>Names of the functions offered as tools.</summary>
    public IReadOnlyList<string> ToolNames =>
        [.. Tools.Select(t => t?["function"]?["name"]?.GetValue<string>()).OfType<string>()];

    /// <summary>Messages of role <c>tool</c> (results of tool calls sent back to the model).</summary>
    public IReadOnlyList<JsonObject> ToolResults =>
        [.. Messages.OfType<JsonObject>().Where(m => m["role"]?.GetValue<string>() == "tool")];

    /// <summary>The text of the last user message (string content or the text parts of an array content).</summary>
    public string? LastUserText => Messages.OfType<JsonObject>().LastOrDefault(m => m["role"]?.GetValue<string>() == "user") is { } message
        ? ContentText(message)
        : null;

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    public string? Authorization => Header("Authorization");

    /// <summary>Text of a message's content, whether a string or an array of parts.</summary>
    public static string? ContentText(JsonObject message) => message["content"] switch
    {
        JsonValue value => value.GetValue<string>(),
        JsonArray parts => string.Concat(parts.Select(p => p?["text"]?.GetValue<string>())),
        _ => null,
    };

    private static JsonObject? TryParse(string body)
    {
        try
        {
            return JsonNode.Parse(body) as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
