using System.Runtime.CompilerServices;

namespace AgenteFilms.Agents.Orchestration;

/// <summary>
/// Runs, as further steps of the same run, whatever the showrunner's tools asked for (<see cref="RunContext.FollowUps"/>).
/// The plan is built when this step starts, i.e. after the showrunner has replied. Step keys are
/// <c>followup/...</c>, e.g. <c>followup/preproduction/box_office</c>.
/// </summary>
public sealed class FollowUpStep(WorkflowFactory workflows) : IWorkflowStep
{
    public string Name => StageNames.FollowUp;

    public async IAsyncEnumerable<AgentEvent> RunAsync(RunContext context, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (workflows.CreateFollowUps(context.FollowUps.Requests, context.WritersRoomIterations) is not { } plan)
        {
            yield break;
        }
        await foreach (var e in plan.RunAsync(context.Under(Name), cancellationToken).ConfigureAwait(false))
        {
            yield return e;
        }
    }
}
