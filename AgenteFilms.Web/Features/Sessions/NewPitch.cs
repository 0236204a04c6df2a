using System.Text.Json;
using AgenteFilms.Web.Infrastructure;

namespace AgenteFilms.Web.Features.Sessions;

/// <summary>What a writer gives to start a pitch (the API's <c>POST /api/sessions</c> body; the new-pitch form).</summary>
/// <param name="WritersRoomIterations">
/// How many writers'-room iterations the pitch's runs make at most (1 to <c>Agents:LoopIterationsCeiling</c>);
/// null: <c>Agents:LoopMaxIterations</c>.
/// </param>
public sealed record NewPitch(
    string? Title,
    string? Concept,
    string? Genre = null,
    string? Tone = null,
    string? Format = null,
    string? Audience = null,
    string? BudgetTier = null,
    string? ModelProfile = null,
    int? WritersRoomIterations = null);

/// <summary>A change to a pitch (<c>PATCH /api/sessions/{id}</c>, the rename dialog, the archive menu item): null fields stay.</summary>
public sealed record SessionPatch(string? Title = null, bool? Archived = null);

/// <summary>Options of <c>POST /api/sessions/{id}/duplicate</c>; the title defaults to "… (copy)".</summary>
public sealed record DuplicateRequest(string? Title = null);

/// <summary>The limits and choices of a new pitch, shared by the API's validation and the form.</summary>
public static class PitchLimits
{
    public const int MaxTitle = 200;
    public const int MaxConcept = 8_000;
    public const int MaxShortField = 100;
    public const int MaxMessage = 16_000;
    /// <summary>Characters of JSON a client may attach to a session (the seed API's <c>session_metadata</c>).</summary>
    public const int MaxMetadata = 16_000;

    /// <summary>Format keys accepted by the API → label stored in the brief.</summary>
    public static readonly IReadOnlyDictionary<string, string> Formats = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["feature"] = "Feature film",
        ["short"] = "Short film",
        ["limited_series"] = "Limited series",
    };

    public static readonly IReadOnlyList<string> BudgetTiers = ["micro", "low", "mid", "high", "tentpole"];
}

/// <summary>Fields of a session's stored brief that the web layer reads (the agents read the brief as state).</summary>
public static class SessionBrief
{
    /// <summary>The brief's field for the writer's writers'-room bound.</summary>
    public const string IterationsField = "writersRoomIterations";

    public static string? Concept(string briefJson) => Read(briefJson, "concept", e => e.ValueKind == JsonValueKind.String ? e.GetString() : null);

    /// <summary>The writers'-room iterations the writer chose for the pitch, or null.</summary>
    public static int? WritersRoomIterations(string briefJson) =>
        Read(briefJson, IterationsField, e => e.ValueKind == JsonValueKind.Number && e.TryGetInt32(out var n) ? n : (int?)null);

    private static T? Read<T>(string briefJson, string property, Func<JsonElement, T?> read)
    {
        using var brief = JsonDocument.Parse(briefJson);
        return brief.RootElement.ValueKind == JsonValueKind.Object && brief.RootElement.TryGetProperty(property, out var value) ? read(value) : default;
    }
}

/// <summary>Field errors collected before anything is saved.</summary>
public sealed class ValidationErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list))
        {
            _errors[field] = list = [];
        }
        list.Add(message);
    }

    /// <summary>Checks a required text field's presence and length; returns the trimmed value.</summary>
    public string Required(string field, string? value, int max, string label)
    {
        var trimmed = value?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            Add(field, $"{label} is required.");
        }
        else if (trimmed.Length > max)
        {
            Add(field, $"{label} can be at most {max:N0} characters (it has {trimmed.Length:N0}).");
        }
        return trimmed;
    }

    /// <summary>Checks an optional text field's length; returns the trimmed value ("" when absent).</summary>
    public string Optional(string field, string? value, int max, string label)
    {
        var trimmed = value?.Trim() ?? "";
        if (trimmed.Length > max)
        {
            Add(field, $"{label} can be at most {max:N0} characters (it has {trimmed.Length:N0}).");
        }
        return trimmed;
    }

    public IDictionary<string, string[]> ToDictionary() => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray());

    /// <summary>Throws <see cref="InputValidationException"/> when any error was added.</summary>
    public void ThrowIfAny()
    {
        if (Any)
        {
            throw new InputValidationException(ToDictionary());
        }
    }
}
