using System.Diagnostics;
using AgenteFilms.Agents.Orchestration;

namespace AgenteFilms.Agents.Diagnostics;

/// <summary>
/// Our own spans: a run (the durable runner), its workflow (the engine) and each agent step, every one tagged with the
/// session and run ids. Model calls made during a step (the gen-ai spans of the provider pipeline, "AgenteFilms.Llm")
/// and their HTTP requests become its children. Exported by whatever listens to <see cref="SourceName"/>.
/// </summary>
public static class AgentTelemetry
{
    /// <summary>Name of the activity source of runs, workflows and agent steps.</summary>
    public const string SourceName = "AgenteFilms";

    public const string SessionIdTag = "agentefilms.session.id";
    public const string RunIdTag = "agentefilms.run.id";
    public const string WorkflowTag = "agentefilms.workflow";
    public const string RunStatusTag = "agentefilms.run.status";
    public const string AgentTag = "agentefilms.agent";
    public const string StepKeyTag = "agentefilms.step.key";
    public const string IterationTag = "agentefilms.loop.iteration";
    public const string ModelProfileTag = "agentefilms.model.profile";
    public const string OutcomeTag = "agentefilms.outcome";
    public const string InputTokensTag = "agentefilms.usage.input_tokens";
    public const string OutputTokensTag = "agentefilms.usage.output_tokens";
    public const string CostTag = "agentefilms.usage.cost_usd";

    public static readonly ActivitySource Source = new(SourceName);

    /// <summary>The span of one execution of a queued run (the runner's unit of work). Null when nobody listens.</summary>
    public static Activity? StartRun(Guid sessionId, Guid runId, string workflow)
    {
        var activity = Source.StartActivity($"run {workflow}", ActivityKind.Internal);
        activity?.SetTag(SessionIdTag, sessionId.ToString());
        activity?.SetTag(RunIdTag, runId.ToString());
        activity?.SetTag(WorkflowTag, workflow);
        return activity;
    }

    /// <summary>The engine's span of a workflow for a run.</summary>
    internal static Activity? StartWorkflow(RunContext context, string workflowName)
    {
        var activity = Source.StartActivity($"workflow {workflowName}", ActivityKind.Internal);
        activity?.SetTag(SessionIdTag, context.SessionId.ToString());
        activity?.SetTag(RunIdTag, context.RunId.ToString());
        activity?.SetTag(WorkflowTag, workflowName);
        return activity;
    }

    /// <summary>One agent step; the model calls it makes are its children.</summary>
    internal static Activity? StartStep(RunContext context, string stepKey, string agent)
    {
        var activity = Source.StartActivity($"agent {agent}", ActivityKind.Internal);
        if (activity is not null)
        {
            activity.SetTag(SessionIdTag, context.SessionId.ToString());
            activity.SetTag(RunIdTag, context.RunId.ToString());
            activity.SetTag(AgentTag, agent);
            activity.SetTag(StepKeyTag, stepKey);
            if (context.Iteration is { } iteration)
            {
                activity.SetTag(IterationTag, iteration);
            }
        }
        return activity;
    }

    /// <summary>Ends a span as an error with a short description (never a prompt or a model's text).</summary>
    public static void SetFailed(this Activity? activity, string outcome, string? description)
    {
        activity?.SetTag(OutcomeTag, outcome);
        activity?.SetStatus(ActivityStatusCode.Error, description);
    }

    public static void SetSucceeded(this Activity? activity, string outcome = "completed")
    {
        activity?.SetTag(OutcomeTag, outcome);
        activity?.SetStatus(ActivityStatusCode.Ok);
    }
}
