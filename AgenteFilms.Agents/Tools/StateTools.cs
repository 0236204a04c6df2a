using System.ComponentModel;
using Microsoft.SemanticKernel;

namespace AgenteFilms.Agents.Tools;

/// <summary><c>save_to_state</c>: saves the agent's structured output to its own state key.</summary>
public sealed class StateTools(ToolContext context)
{
    public const string SaveToState = "save_to_state";

    [KernelFunction(SaveToState)]
    [Description("Saves your structured result (a JSON object) to the shared state under your own output key. Call it once with your final result.")]
    public string Save(
        [Description("Your own output key (any other key is refused).")] string key,
        [Description("The result as a JSON object.")] string content)
        => context.Write(key, ToolContext.ParseContent(content));
}

/// <summary><c>save_note</c>: the researcher's notebook; the notes become the <c>research</c> key.</summary>
public sealed class NoteTools(ToolContext context)
{
    public const string SaveNote = "save_note";

    [KernelFunction(SaveNote)]
    [Description("Saves one research note. Give a source only if you really consulted one.")]
    public string Save(
        [Description("What the note is about, e.g. 'Setting: Halifax harbour'.")] string topic,
        [Description("The note itself.")] string note,
        [Description("Where it comes from (URL or reference); leave empty when unsourced.")] string? source = null)
    {
        context.AddNote(new ResearchNoteEntry(topic, note, string.IsNullOrWhiteSpace(source) ? null : source));
        return $"Noted: {topic}.";
    }
}

/// <summary><c>exit_loop</c>: the critic approves the draft and ends the writers' room.</summary>
public sealed class CriticTools(ToolContext context)
{
    public const string ExitLoop = "exit_loop";

    [KernelFunction(ExitLoop)]
    [Description("Approves the current outline and characters and ends the writers' room. Call it only when every criterion scores at least 7.")]
    public string Exit([Description("One sentence: why the draft passes.")] string reason)
    {
        context.Escalate(reason);
        return "Approved: the writers' room is done.";
    }
}
