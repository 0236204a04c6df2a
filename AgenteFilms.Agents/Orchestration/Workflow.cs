namespace AgenteFilms.Agents.Orchestration;

/// <summary>A named workflow ready to run.</summary>
/// <param name="Name">For logs and the run row, e.g. <c>pitch</c>, <c>regenerate:casting</c>, <c>chat</c>.</param>
/// <param name="Root">The root step.</param>
/// <param name="ResponseAgent">Whose final text is the run's response (null: the last agent that completed).</param>
public sealed record Workflow(string Name, IWorkflowStep Root, string? ResponseAgent = null);
