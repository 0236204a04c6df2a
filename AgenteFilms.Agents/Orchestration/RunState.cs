using System.Collections.Concurrent;
using System.Text.Json;

namespace AgenteFilms.Agents.Orchestration;

/// <summary>
/// One versioned state value. The runner seeds these from its stored <c>SessionState</c> rows and stores the ones an
/// <see cref="AgentCompleted"/> event reports.
/// </summary>
/// <param name="Key">A <see cref="StateKeys"/> name.</param>
/// <param name="Value">The JSON value (always an object for the built-in keys).</param>
/// <param name="Version">Increases by one on each write of the key; a writer's edit is a write too.</param>
/// <param name="Agent">The agent that wrote this version, when known (null for a writer's edit or seeded data).</param>
/// <param name="Model">The model label that wrote this version, when known.</param>
public sealed record StateEntry(string Key, JsonElement Value, int Version, string? Agent = null, string? Model = null)
{
    /// <summary>Builds an entry from stored JSON text.</summary>
    public static StateEntry FromJson(string key, string json, int version, string? agent = null, string? model = null)
    {
        using var document = JsonDocument.Parse(json);
        return new StateEntry(key, document.RootElement.Clone(), version, agent, model);
    }

    /// <summary>The value as JSON text.</summary>
    public string Json => Value.GetRawText();
}

/// <summary>
/// The run's shared state: key → latest <see cref="StateEntry"/>. Thread-safe, because parallel branches write their
/// (distinct) keys concurrently. Agents never write here directly; the engine commits an agent's writes when it completes.
/// </summary>
public sealed class RunState
{
    private readonly ConcurrentDictionary<string, StateEntry> _entries = new(StringComparer.Ordinal);

    /// <summary>An empty state.</summary>
    public RunState()
    {
    }

    /// <summary>State seeded with stored entries (e.g. from the database).</summary>
    public RunState(IEnumerable<StateEntry> entries)
    {
        foreach (var entry in entries)
        {
            _entries[entry.Key] = entry;
        }
    }

    /// <summary>The latest entry for a key, or null.</summary>
    public StateEntry? Get(string key) => _entries.TryGetValue(key, out var entry) ? entry : null;

    /// <summary>A consistent copy of every entry, as an agent sees it when it starts.</summary>
    public IReadOnlyDictionary<string, StateEntry> Snapshot() => new Dictionary<string, StateEntry>(_entries, StringComparer.Ordinal);

    /// <summary>Writes a new version of a key and returns it.</summary>
    public StateEntry Set(string key, JsonElement value, string? agent = null, string? model = null)
        => _entries.AddOrUpdate(
            key,
            _ => new StateEntry(key, value.Clone(), 1, agent, model),
            (_, existing) => new StateEntry(key, value.Clone(), existing.Version + 1, agent, model));

    /// <summary>Convenience: serializes a value and writes it.</summary>
    public StateEntry Set<T>(string key, T value, string? agent = null, string? model = null)
        => Set(key, JsonSerializer.SerializeToElement(value, AgentJson.Options), agent, model);

    /// <summary>Deserializes a key's value, or returns default when absent or malformed.</summary>
    public T? Read<T>(string key) => Get(key) is { } entry ? AgentJson.TryDeserialize<T>(entry.Value) : default;
}
