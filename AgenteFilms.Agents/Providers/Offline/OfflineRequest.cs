using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using AgenteFilms.Agents.Orchestration;
using AgenteFilms.Agents.Pitch;
using Microsoft.Extensions.AI;

namespace AgenteFilms.Agents.Providers.Offline;

/// <summary>
/// A chat request as the offline model understands it: the agent role (from the <c>agent-role</c> marker in the
/// system prompt), the state blocks, the loop iteration, the writer's note or message, and the tools on offer.
/// </summary>
internal sealed partial record OfflineRequest(
    string Role,
    IReadOnlyDictionary<string, JsonElement> State,
    int Iteration,
    string? Note,
    IReadOnlyList<string> Sections,
    string? UserMessage,
    IReadOnlyList<string> ToolNames,
    IReadOnlyList<FunctionResultContent> ToolResults)
{
    /// <summary>True once the model has called a tool in this conversation and got its result back.</summary>
    public bool AfterTools => ToolResults.Count > 0;

    /// <summary>
    /// The brief; for agents that do not read it (the critic reads only outline and characters), a brief rebuilt from
    /// the outline, whose logline names the same people, places and nouns.
    /// </summary>
    public Brief Brief => Read<Brief>(StateKeys.Brief)
        ?? (Read<StoryOutline>(StateKeys.Outline) is { } outline
            ? new Brief { Concept = string.IsNullOrWhiteSpace(outline.Premise) ? outline.Logline : outline.Premise, Genre = outline.Genre, Title = outline.Title }
            : new Brief { Concept = UserMessage ?? "" });

    public T? Read<T>(string key) where T : class => State.TryGetValue(key, out var value) ? AgentJson.TryDeserialize<T>(value) : null;

    /// <summary>The full name of an offered tool (e.g. <c>critic_exit_loop</c>), or null.</summary>
    public string? Tool(string function)
        => ToolNames.FirstOrDefault(t => t == function || t.EndsWith("_" + function, StringComparison.Ordinal));

    public static OfflineRequest Parse(IReadOnlyList<ChatMessage> messages, ChatOptions? options)
    {
        var system = string.Join("\n", messages.Where(m => m.Role == ChatRole.System).Select(m => m.Text));
        var user = string.Join("\n", messages.Where(m => m.Role == ChatRole.User).Select(m => m.Text));
        var role = RoleMarker().Match(system) is { Success: true } r ? r.Groups[1].Value : "";

        var state = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (Match block in StateBlock().Matches(user))
        {
            if (AgentJson.ExtractObject(block.Groups["json"].Value) is { } json)
            {
                state[block.Groups["key"].Value] = json;
            }
        }
        var iteration = IterationLine().Match(user) is { Success: true } i ? int.Parse(i.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        var note = Line(user, AgentPrompt.NoteLabel);
        var sections = Line(user, AgentPrompt.SectionsLabel)?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) ?? [];
        // Without the engine's layout (a plain chat), the last user message is the writer's message.
        var message = Line(user, AgentPrompt.MessageLabel) ?? (state.Count == 0 ? messages.LastOrDefault(m => m.Role == ChatRole.User)?.Text : null);
        var tools = options?.Tools?.Select(t => t.Name).ToList() ?? [];
        var results = messages.SelectMany(m => m.Contents).OfType<FunctionResultContent>().ToList();
        return new OfflineRequest(role, state, iteration, note, sections, message, tools, results);
    }

    private static string? Line(string text, string label)
    {
        var at = text.IndexOf(label, StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }
        var start = at + label.Length;
        var end = text.IndexOf('\n', start);
        var value = (end < 0 ? text[start..] : text[start..end]).Trim();
        return value.Length == 0 ? null : value;
    }

    [GeneratedRegex(@"agent-role:\s*([a-z_]+)")]
    private static partial Regex RoleMarker();

    [GeneratedRegex(@"<state key=""(?<key>[a-z_]+)""[^>]*?(?<!/)>\s*(?<json>.*?)\s*</state>", RegexOptions.Singleline)]
    private static partial Regex StateBlock();

    [GeneratedRegex(@"Writers' room iteration:\s*(\d+)")]
    private static partial Regex IterationLine();
}

/// <summary>What the offline model answers in one round trip: text and/or tool calls.</summary>
internal sealed record OfflineReply(string Text, IReadOnlyList<FunctionCallContent> Calls)
{
    public static OfflineReply Say(string text) => new(text, []);
}
