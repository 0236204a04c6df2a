using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using AgenteFilms.Agents.Diagnostics;
using AgenteFilms.Tests.TestSupport;

namespace AgenteFilms.Tests.Web.Operations;

/// <summary>Our run and step spans, as any listener (OpenTelemetry among them) receives them.</summary>
public sealed class RunTracingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ARun_IsOneTrace_RunWorkflowAndAgentSpans_TaggedWithSessionAndRun_WithTheModelCallsInsideTheSteps()
    {
        var stopped = new ConcurrentBag<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name.StartsWith(AgentTelemetry.SourceName, StringComparison.Ordinal),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = stopped.Add,
        };
        ActivitySource.AddActivityListener(listener);

        using var folder = new TempFolder();
        await using var app = AppFactory.OnSqlite(folder.Path);
        using var client = app.CreateClient();
        var session = await client.CreateSessionAsync("Traced", "A cartographer finds a street on her map that no one else can see");
        var response = await client.PostMessageAsync(session, "Pitch it", wait: true);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var runId = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("runId").GetGuid();

        // The run's span ends just after the run is marked completed (which ended the wait): give it a moment.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!stopped.Any(a => IsRunSpan(a, runId)) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20, Ct);
        }

        // Other tests run in this process too: keep this run's spans only.
        var ours = stopped.Where(a => a.GetTagItem(AgentTelemetry.RunIdTag) as string == runId.ToString()).ToList();
        var run = Assert.Single(ours, a => IsRunSpan(a, runId));
        Assert.Equal("run pitch", run.OperationName);
        Assert.Equal(session.ToString(), run.GetTagItem(AgentTelemetry.SessionIdTag));
        Assert.Equal("Completed", run.GetTagItem(AgentTelemetry.RunStatusTag));
        Assert.Null(run.Parent); // the run is a trace of its own, not part of the request that queued it

        var workflow = Assert.Single(ours, a => a.OperationName.StartsWith("workflow ", StringComparison.Ordinal));
        Assert.Equal(run.SpanId, workflow.ParentSpanId);
        Assert.Equal(ActivityStatusCode.Ok, workflow.Status);

        var steps = ours.Where(a => a.OperationName.StartsWith("agent ", StringComparison.Ordinal)).ToList();
        Assert.Equal(
            ["box_office", "casting_director", "character_developer", "critic", "pitch_writer", "researcher", "screenwriter"],
            steps.Select(s => (string)s.GetTagItem(AgentTelemetry.AgentTag)!).Distinct().Order());
        Assert.All(steps, step =>
        {
            Assert.Equal(run.TraceId, step.TraceId);
            Assert.Equal(session.ToString(), step.GetTagItem(AgentTelemetry.SessionIdTag));
            Assert.NotNull(step.GetTagItem(AgentTelemetry.StepKeyTag));
            Assert.Equal(ActivityStatusCode.Ok, step.Status);
            Assert.True((long)step.GetTagItem(AgentTelemetry.OutputTokensTag)! > 0);
        });
        // The writers' room loops: its steps carry the iteration.
        Assert.Contains(steps, s => s.GetTagItem(AgentTelemetry.IterationTag) is 2);

        // The provider pipeline's gen-ai spans ("chat <model>", tool orchestration) sit inside the agent steps.
        var trace = stopped.Where(a => a.TraceId == run.TraceId).ToDictionary(a => a.SpanId);
        var stepIds = steps.Select(s => s.SpanId).ToHashSet();
        var modelSpans = trace.Values.Where(a => a.Source.Name == "AgenteFilms.Llm").ToList();
        Assert.Contains(modelSpans, a => a.GetTagItem("gen_ai.operation.name") as string == "chat");
        Assert.All(modelSpans, span => Assert.True(HasAncestor(span, trace, stepIds), $"{span.OperationName} is outside every agent step"));
    }

    private static bool IsRunSpan(Activity activity, Guid runId) =>
        activity.OperationName.StartsWith("run ", StringComparison.Ordinal) && activity.GetTagItem(AgentTelemetry.RunIdTag) as string == runId.ToString();

    private static bool HasAncestor(Activity span, IReadOnlyDictionary<ActivitySpanId, Activity> trace, IReadOnlySet<ActivitySpanId> ancestors)
    {
        var parent = span.ParentSpanId;
        while (parent != default)
        {
            if (ancestors.Contains(parent))
            {
                return true;
            }
            parent = trace.TryGetValue(parent, out var next) ? next.ParentSpanId : default;
        }
        return false;
    }
}
