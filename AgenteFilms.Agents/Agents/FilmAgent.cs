using System.Text.Json;
using AgenteFilms.Agents.Orchestration;
using AgenteFilms.Agents.Tools;

namespace AgenteFilms.Agents.Agents;

/// <summary>
/// One member of the writers' room. An agent is a description, not a runner: its instructions (an embedded
/// <c>Prompts/&lt;name&gt;.md</c>), the state keys it reads, the one key it writes, its tools (the allow-list) and how
/// its model's answer becomes the value of its key. <see cref="AgentStep"/> executes it.
/// </summary>
public abstract class FilmAgent
{
    /// <summary>Stable name (an <see cref="AgentNames"/> value): step keys, configuration, stored answers.</summary>
    public abstract string Name { get; }

    /// <summary>Shown in the UI, e.g. "Box-office analyst".</summary>
    public abstract string DisplayName { get; }

    /// <summary>The state keys the agent is shown.</summary>
    public abstract IReadOnlyList<string> Reads { get; }

    /// <summary>The one state key the agent (and its tools) may write.</summary>
    public abstract string Writes { get; }

    /// <summary>The allow-list: names of the only functions this agent may call.</summary>
    public virtual IReadOnlyList<string> Tools => [];

    /// <summary>One sentence telling the model what to do now; the instructions say how.</summary>
    public abstract string Task { get; }

    /// <summary>The system prompt (embedded <c>Prompts/&lt;name&gt;.md</c>).</summary>
    public string Instructions => PromptLibrary.Get(Name);

    /// <summary>The object whose <c>[KernelFunction]</c> methods are this agent's tools, bound to this step's <paramref name="context"/>.</summary>
    internal virtual object? CreateTools(ToolContext context) => null;

    /// <summary>
    /// The value to commit to <see cref="Writes"/>, or null to write nothing. Default: what a tool saved, else the JSON
    /// object in the final text, else the text itself as <c>{"text": ...}</c>.
    /// </summary>
    internal virtual JsonElement? BuildOutput(AgentOutput output)
    {
        if (output.Tools.Output is { } saved)
        {
            return saved;
        }
        if (string.IsNullOrWhiteSpace(output.FinalText))
        {
            return null;
        }
        return AgentJson.ExtractObject(output.FinalText) ?? AgentJson.ToElement(new { text = output.FinalText.Trim() });
    }

    /// <summary>Whether this agent asked its loop to stop in an iteration, judged from persisted state only.</summary>
    public virtual bool HasEscalated(RunState state, int iteration) => false;

    public override string ToString() => Name;
}

/// <summary>What an agent step produced, for <see cref="FilmAgent.BuildOutput"/>.</summary>
internal sealed record AgentOutput(ToolContext Tools, string FinalText, RevisionScope Scope, string ModelLabel, DateTime NowUtc);

/// <summary>
/// What a step is asked to revise: the pitch sections in scope (null: everything) and the writer's note.
/// A full run has neither; a regeneration or a showrunner follow-up has both.
/// </summary>
public sealed record RevisionScope(IReadOnlyCollection<string>? Sections, string? Note)
{
    public static readonly RevisionScope Full = new(null, null);
}
