using System.Globalization;
using System.Text;
using AgenteFilms.Agents.Agents;

namespace AgenteFilms.Agents.Orchestration;

/// <summary>
/// Builds the user message an agent sees: its task, the loop iteration, the writer's note or message, and the state
/// keys it reads as tagged JSON blocks. The layout is a contract with the offline model, which parses it back.
/// </summary>
internal static class AgentPrompt
{
    public const string IterationLabel = "Writers' room iteration:";
    public const string NoteLabel = "Writer's note:";
    public const string SectionsLabel = "Sections to revise:";
    public const string MessageLabel = "Writer's message:";

    public static string Build(FilmAgent agent, RunContext run, RevisionScope scope, IReadOnlyDictionary<string, StateEntry> state)
    {
        var text = new StringBuilder();
        text.Append("Task: ").AppendLine(agent.Task);
        if (run.Iteration is { } iteration)
        {
            text.Append(IterationLabel).Append(' ').Append(iteration.ToString(CultureInfo.InvariantCulture));
            if (run.MaxIterations is { } max)
            {
                text.Append(" of ").Append(max.ToString(CultureInfo.InvariantCulture));
            }
            text.AppendLine();
        }
        if (scope.Sections is { Count: > 0 } sections)
        {
            text.Append(SectionsLabel).Append(' ').AppendLine(string.Join(", ", sections));
        }
        if (!string.IsNullOrWhiteSpace(scope.Note))
        {
            text.Append(NoteLabel).Append(' ').AppendLine(scope.Note.Trim());
        }
        if (agent.Name == AgentNames.Greeter && !string.IsNullOrWhiteSpace(run.UserMessage))
        {
            text.Append(MessageLabel).Append(' ').AppendLine(run.UserMessage.Trim());
        }
        text.AppendLine().AppendLine("Current state:");
        foreach (var key in agent.Reads)
        {
            if (state.TryGetValue(key, out var entry))
            {
                text.Append("<state key=\"").Append(key).Append("\" version=\"").Append(entry.Version.ToString(CultureInfo.InvariantCulture)).AppendLine("\">");
                text.AppendLine(entry.Json);
                text.AppendLine("</state>");
            }
            else
            {
                text.Append("<state key=\"").Append(key).AppendLine("\" missing=\"true\" />");
            }
        }
        return text.ToString();
    }
}
