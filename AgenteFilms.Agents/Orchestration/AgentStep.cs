using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text;
using System.Threading.Channels;
using AgenteFilms.Agents.Agents;
using AgenteFilms.Agents.Diagnostics;
using AgenteFilms.Agents.Providers;
using AgenteFilms.Agents.Tools;
using Microsoft.Extensions.AI;
using Microsoft.SemanticKernel;
using FunctionCallContent = Microsoft.Extensions.AI.FunctionCallContent;
using FunctionResultContent = Microsoft.Extensions.AI.FunctionResultContent;
using TextContent = Microsoft.Extensions.AI.TextContent;

namespace AgenteFilms.Agents.Orchestration;

/// <summary>
/// Executes one agent: picks its model (override ?? session profile), gives it its own conversation (instructions +
/// the state it reads) and only its own tools, streams the answer as events, and commits its one key when it succeeds.
/// Skipped when its step key is in <see cref="RunContext.CompletedSteps"/>.
/// </summary>
public sealed class AgentStep(FilmAgent agent, AgentRuntime runtime, RevisionScope? scope = null) : IWorkflowStep, IEscalationSource
{
    public string Name => Agent.Name;

    public FilmAgent Agent { get; } = agent;

    public bool HasEscalated(RunState state, int iteration) => Agent.HasEscalated(state, iteration);

    public async IAsyncEnumerable<AgentEvent> RunAsync(RunContext context, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var stepKey = context.StepKey(Agent.Name);
        if (context.IsCompleted(stepKey))
        {
            yield return runtime.Stamp(new StepSkipped(stepKey, Agent.Name));
            yield break;
        }

        // The agent runs on its own task and reports through a channel: C# iterators cannot catch around a yield, and
        // tool activity happens deep inside Semantic Kernel's function-invocation loop.
        var channel = Channel.CreateUnbounded<AgentEvent>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        using var abandon = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var execution = Task.Run(() => ExecuteAsync(context, stepKey, channel.Writer, abandon.Token), CancellationToken.None);
        try
        {
            await foreach (var e in channel.Reader.ReadAllAsync(CancellationToken.None).ConfigureAwait(false))
            {
                yield return e;
            }
        }
        finally
        {
            if (!execution.IsCompleted)
            {
                // The consumer stopped listening: stop the model call and let the step end quietly.
                await abandon.CancelAsync().ConfigureAwait(false);
                await execution.ContinueWith(static _ => { }, TaskScheduler.Default).ConfigureAwait(false);
            }
        }
        // Rethrows the step's failure or cancellation.
        await execution.ConfigureAwait(false);
    }

    private async Task ExecuteAsync(RunContext context, string stepKey, ChannelWriter<AgentEvent> events, CancellationToken cancellationToken)
    {
        // The step's span: the model calls below (gen-ai spans, HTTP) are its children.
        using var activity = AgentTelemetry.StartStep(context, stepKey, Agent.Name);
        var started = runtime.Time.GetTimestamp();
        var outcome = "failed";
        try
        {
            await ExecuteCoreAsync(context, stepKey, events, activity, cancellationToken).ConfigureAwait(false);
            events.TryComplete();
            outcome = "completed";
            activity.SetSucceeded();
        }
        catch (Exception ex)
        {
            events.TryComplete();
            if (ex is OperationCanceledException && cancellationToken.IsCancellationRequested)
            {
                outcome = "cancelled";
                activity?.SetTag(AgentTelemetry.OutcomeTag, outcome);
                throw;
            }
            var failure = ex as AgentFailedException ?? Fail(stepKey, Describe(ex), ex);
            activity.SetFailed(outcome, failure.Cause);
            throw failure;
        }
        finally
        {
            runtime.Metrics?.RecordStep(Agent.Name, outcome, runtime.Time.GetElapsedTime(started));
        }
    }

    private async Task ExecuteCoreAsync(RunContext context, string stepKey, ChannelWriter<AgentEvent> events, Activity? activity, CancellationToken cancellationToken)
    {
        var profileName = runtime.Options.ProfileFor(Agent.Name, context.ModelProfile);
        var profile = runtime.Models.Resolve(profileName);
        activity?.SetTag(AgentTelemetry.ModelProfileTag, profile.Name);
        var client = runtime.Models.Create(profileName);
        var effectiveScope = scope ?? (context.Revision is { } revision ? new RevisionScope([revision.Section], revision.Note) : RevisionScope.Full);

        var state = context.ReadableState();
        var reads = Agent.Reads.Where(state.ContainsKey).ToDictionary(k => k, k => state[k].Version, StringComparer.Ordinal);
        var started = runtime.Time.GetTimestamp();
        Emit(events, new AgentStarted(stepKey, Agent.Name, Agent.DisplayName, profile.Name, profile.Label, context.Iteration));

        var tools = new ToolContext(Agent.Name, Agent.Writes, context, state);
        var options = BuildChatOptions(tools);
        List<ChatMessage> messages =
        [
            new(ChatRole.System, Agent.Instructions),
            new(ChatRole.User, AgentPrompt.Build(Agent, context, effectiveScope, state)),
        ];

        using var timeout = new CancellationTokenSource(runtime.Options.TimeoutFor(Agent.Name), runtime.Time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        using var usageScope = UsageScope.Begin(context.UserId is { } user ? new UsageAccount(user, context.RunId, stepKey) : null);
        var transcript = new Transcript(stepKey, Agent, e => Emit(events, e));
        try
        {
            await foreach (var update in client.GetStreamingResponseAsync(messages, options, linked.Token).ConfigureAwait(false))
            {
                transcript.Add(update);
            }
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw Fail(stepKey, $"timed out after {runtime.Options.TimeoutFor(Agent.Name).TotalSeconds:0} s");
        }

        if (transcript.UnansweredCalls > 0)
        {
            throw Fail(stepKey, "the model asked for tools but nothing executed them: the model pipeline must end with UseKernelFunctionInvocation().");
        }
        var finalText = transcript.FinalText;
        var output = Agent.BuildOutput(new AgentOutput(tools, finalText, effectiveScope, profile.Label, runtime.Time.GetUtcNow().UtcDateTime));

        // Commit: from here on the step has succeeded and its key is visible to the next steps.
        List<StateEntry> writes = [];
        if (output is { } value)
        {
            var entry = context.State.Set(Agent.Writes, value, Agent.Name, profile.Label);
            writes.Add(entry);
            Emit(events, new StateChanged(stepKey, Agent.Name, entry));
        }
        context.FollowUps.AddRange(tools.FollowUps);
        var escalated = tools.Escalated || (context.Iteration is { } iteration && Agent.HasEscalated(context.State, iteration));
        var duration = runtime.Time.GetElapsedTime(started);
        var usage = MeasuredUsage(usageScope.Total, transcript.ReportedUsage, transcript.ReportedRequests, profile, duration);
        activity?.SetTag(AgentTelemetry.InputTokensTag, usage.InputTokens);
        activity?.SetTag(AgentTelemetry.OutputTokensTag, usage.OutputTokens);
        activity?.SetTag(AgentTelemetry.CostTag, (double)usage.CostUsd);
        Emit(events, new AgentCompleted(
            stepKey, Agent.Name, Agent.DisplayName, profile.Name, profile.Label, context.Iteration, finalText,
            usage, duration, writes, reads, escalated, tools.FollowUps));
    }

    private ChatOptions BuildChatOptions(ToolContext tools)
    {
        var kernel = new Kernel();
        if (Agent.CreateTools(tools) is { } toolObject)
        {
            // Only the allow-listed functions reach the kernel, under the agent's own plugin name.
            var functions = KernelPluginFactory.CreateFromObject(toolObject, Agent.Name).Where(f => Agent.Tools.Contains(f.Name));
            kernel.Plugins.Add(KernelPluginFactory.CreateFromFunctions(Agent.Name, functions));
        }
        kernel.AutoFunctionInvocationFilters.Add(new AllowListFilter(Agent.Name, [.. Agent.Tools], tools));
        var settings = new PromptExecutionSettings
        {
            FunctionChoiceBehavior = kernel.Plugins.Count > 0 ? FunctionChoiceBehavior.Auto() : FunctionChoiceBehavior.None(),
        };
        return settings.ToChatOptions(kernel);
    }

    /// <summary>
    /// The provider pipeline's meter records into the usage scope. A client without a meter (a bare model in a test,
    /// say) still reports <see cref="UsageDetails"/>; then those counts are priced with the profile.
    /// </summary>
    private static Usage MeasuredUsage(Usage metered, UsageDetails? reported, int reportedRequests, ResolvedModelProfile profile, TimeSpan duration)
    {
        if (metered.Requests > 0 || metered.InputTokens > 0 || metered.OutputTokens > 0 || reported is null)
        {
            return metered;
        }
        var input = reported.InputTokenCount ?? 0;
        var output = reported.OutputTokenCount ?? 0;
        var cost = (input * profile.Options.InputPricePer1M + output * profile.Options.OutputPricePer1M) / 1_000_000m;
        return new Usage(input, output, cost, duration, Math.Max(1, reportedRequests));
    }

    private AgentFailedException Fail(string stepKey, string cause, Exception? inner = null)
        => new(Agent.Name, Agent.DisplayName, stepKey, cause, inner);

    private static string Describe(Exception ex) => ex switch
    {
        UnknownModelProfileException unknown => $"unknown model profile '{unknown.ProfileName}'",
        UsageBudgetExceededException budget => budget.Message,
        HttpRequestException http => $"the model request failed ({http.StatusCode?.ToString() ?? "no response"}): {http.Message}",
        _ => ex.Message,
    };

    private void Emit(ChannelWriter<AgentEvent> events, AgentEvent e) => events.TryWrite(runtime.Stamp(e));

    /// <summary>Turns streamed updates into events and keeps the text of the last model round (the agent's final answer).</summary>
    private sealed class Transcript(string stepKey, FilmAgent agent, Action<AgentEvent> emit)
    {
        private readonly StringBuilder _round = new();
        private readonly Dictionary<string, string> _toolNames = new(StringComparer.Ordinal);
        private readonly HashSet<string> _answered = new(StringComparer.Ordinal);
        private string _lastRound = "";
        private UsageDetails? _usage;

        public string FinalText => _round.Length > 0 ? _round.ToString() : _lastRound;

        public UsageDetails? ReportedUsage => _usage;

        /// <summary>Tool calls that never got a result: a sign the pipeline has no function-invocation layer.</summary>
        public int UnansweredCalls => _toolNames.Keys.Count(id => !_answered.Contains(id));

        /// <summary>Model round trips that reported usage (one usage report per response).</summary>
        public int ReportedRequests { get; private set; }

        public void Add(ChatResponseUpdate update)
        {
            foreach (var content in update.Contents)
            {
                switch (content)
                {
                    case TextContent { Text.Length: > 0 } text when update.Role != ChatRole.Tool:
                        _round.Append(text.Text);
                        emit(new TextDelta(stepKey, agent.Name, text.Text));
                        break;
                    case FunctionCallContent call:
                        _toolNames[call.CallId] = call.Name;
                        emit(new ToolCalled(stepKey, agent.Name, call.Name, call.CallId, ArgumentsJson(call), IsOwnTool(call.Name)));
                        break;
                    case FunctionResultContent result:
                        EndRound();
                        _answered.Add(result.CallId);
                        var name = _toolNames.GetValueOrDefault(result.CallId, "");
                        var resultText = ResultText(result);
                        // Outside the allow-list the call never ran (the filter or the function-invocation layer refused it).
                        var refused = !IsOwnTool(name) || resultText.StartsWith(ToolContext.RefusedPrefix, StringComparison.Ordinal);
                        emit(new ToolResult(stepKey, agent.Name, name, result.CallId, resultText, refused));
                        break;
                    case UsageContent usage:
                        _usage ??= new UsageDetails();
                        _usage.Add(usage.Details);
                        ReportedRequests++;
                        break;
                }
            }
        }

        private bool IsOwnTool(string fullName)
            => fullName.StartsWith(agent.Name + "_", StringComparison.Ordinal) && agent.Tools.Contains(fullName[(agent.Name.Length + 1)..]);

        private void EndRound()
        {
            if (_round.Length > 0)
            {
                _lastRound = _round.ToString();
                _round.Clear();
            }
        }

        private static string ArgumentsJson(FunctionCallContent call)
            => call.Arguments is null ? "{}" : System.Text.Json.JsonSerializer.Serialize(call.Arguments, AgentJson.Options);

        private static string ResultText(FunctionResultContent result) => result.Result switch
        {
            null => result.Exception?.Message ?? "",
            string s => s,
            System.Text.Json.JsonElement { ValueKind: System.Text.Json.JsonValueKind.String } json => json.GetString() ?? "",
            var other => other.ToString() ?? "",
        };
    }
}
