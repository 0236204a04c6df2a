using System.Text.Json;
using AgenteFilms.Agents.Orchestration;

namespace AgenteFilms.Agents.Tools;

/// <summary>
/// What a tool may touch during one agent step. Writes are staged here and committed by the engine only when the
/// agent completes, so a failed step leaves state untouched; and a tool can only stage its own agent's key.
/// </summary>
public sealed class ToolContext(string agent, string ownKey, RunContext run, IReadOnlyDictionary<string, StateEntry> state)
{
    /// <summary>Prefix of every refusal a tool returns to the model (and how the engine recognises refusals).</summary>
    public const string RefusedPrefix = "REFUSED:";

    private readonly Lock _gate = new();
    private readonly List<FollowUpRequest> _followUps = [];
    private readonly List<ResearchNoteEntry> _notes = [];

    public string Agent { get; } = agent;

    /// <summary>The one state key this agent (and so its tools) may write.</summary>
    public string OwnKey { get; } = ownKey;

    public RunContext Run { get; } = run;

    /// <summary>The state as the agent read it when it started.</summary>
    public IReadOnlyDictionary<string, StateEntry> State { get; } = state;

    /// <summary>The staged value for <see cref="OwnKey"/>, if a tool wrote one.</summary>
    public JsonElement? Output { get; private set; }

    /// <summary>True once the agent called <c>exit_loop</c>.</summary>
    public bool Escalated { get; private set; }

    public string? EscalationReason { get; private set; }

    public IReadOnlyList<FollowUpRequest> FollowUps
    {
        get { lock (_gate) { return [.. _followUps]; } }
    }

    internal IReadOnlyList<ResearchNoteEntry> Notes
    {
        get { lock (_gate) { return [.. _notes]; } }
    }

    /// <summary>Stages a write; refuses (and returns a refusal for the model) any key but <see cref="OwnKey"/>.</summary>
    public string Write(string key, JsonElement value)
    {
        // Lenient on spelling ("Outline", " outline"), strict on identity.
        if (!string.Equals(key?.Trim(), OwnKey, StringComparison.OrdinalIgnoreCase))
        {
            return $"{RefusedPrefix} the {Agent} agent may only write the '{OwnKey}' key, not '{key}'.";
        }
        lock (_gate)
        {
            Output = value.Clone();
        }
        return $"Saved '{OwnKey}'.";
    }

    internal void Escalate(string reason)
    {
        Escalated = true;
        EscalationReason = reason;
    }

    internal void AddFollowUp(FollowUpRequest request)
    {
        lock (_gate)
        {
            _followUps.Add(request);
        }
    }

    internal void AddNote(ResearchNoteEntry note)
    {
        lock (_gate)
        {
            _notes.Add(note);
        }
    }

    /// <summary>Parses a JSON argument a model passed as a string; models sometimes send prose, which is kept as <c>{"text": ...}</c>.</summary>
    internal static JsonElement ParseContent(string content)
        => AgentJson.ExtractObject(content) ?? AgentJson.ToElement(new { text = content });
}

internal sealed record ResearchNoteEntry(string Topic, string Note, string? Source);
