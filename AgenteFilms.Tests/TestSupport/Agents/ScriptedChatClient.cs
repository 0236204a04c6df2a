using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using AgenteFilms.Agents.Providers;
using Microsoft.Extensions.AI;

namespace AgenteFilms.Tests.TestSupport.Agents;

/// <summary>What the scripted model was asked: which agent (from the prompt's role marker), the conversation, the tools.</summary>
public sealed partial record ScriptedRequest(string Agent, IReadOnlyList<ChatMessage> Messages, IReadOnlyList<string> ToolNames)
{
    /// <summary>How many tool results the conversation already holds (0 on the first round trip).</summary>
    public int ToolResults => Messages.SelectMany(m => m.Contents).OfType<FunctionResultContent>().Count();

    public string UserText => string.Join("\n", Messages.Where(m => m.Role == ChatRole.User).Select(m => m.Text));

    /// <summary>The writers'-room iteration stated in the prompt, or 0.</summary>
    public int Iteration => IterationPattern().Match(UserText) is { Success: true } m ? int.Parse(m.Groups[1].Value) : 0;

    /// <summary>The full name of the tool ending with <paramref name="function"/> (e.g. <c>critic_exit_loop</c>).</summary>
    public string Tool(string function) => ToolNames.Single(t => t.EndsWith("_" + function, StringComparison.Ordinal));

    [GeneratedRegex(@"iteration: (\d+)")]
    private static partial Regex IterationPattern();
}

/// <summary>A tool call the scripted model makes.</summary>
public sealed record ScriptedCall(string Name, IDictionary<string, object?> Arguments);

/// <summary>What the scripted model answers: text (streamed in chunks) and/or tool calls, with usage.</summary>
public sealed record ScriptedReply(string Text, IReadOnlyList<ScriptedCall>? Calls = null, long InputTokens = 10, long OutputTokens = 20, decimal CostUsd = 0.001m);

/// <summary>One recorded model call, with monotonic start/end timestamps (<see cref="TimeProvider.GetTimestamp"/>).</summary>
public sealed record ScriptedCallRecord(string Agent, IReadOnlyList<ChatMessage> Messages, long StartedAt, long EndedAt);

/// <summary>
/// A test model: the handler decides each answer from the request. Like the provider pipeline's meter, it records
/// usage into the current <see cref="UsageScope"/>. Wrap it with <c>UseKernelFunctionInvocation()</c> so tool calls
/// take the production path.
/// </summary>
public sealed class ScriptedChatClient(Func<ScriptedRequest, CancellationToken, Task<ScriptedReply>> handler) : IChatClient
{
    private readonly ConcurrentQueue<ScriptedCallRecord> _calls = new();

    public ScriptedChatClient(Func<ScriptedRequest, ScriptedReply> handler)
        : this((request, _) => Task.FromResult(handler(request)))
    {
    }

    public IReadOnlyList<ScriptedCallRecord> Calls => [.. _calls];

    public bool RecordUsage { get; init; } = true;

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        => await GetStreamingResponseAsync(messages, options, cancellationToken).ToChatResponseAsync(cancellationToken);

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var list = messages.ToList();
        var started = TimeProvider.System.GetTimestamp();
        var agent = RoleOf(list);
        var tools = options?.Tools?.Select(t => t.Name).ToList() ?? [];
        var reply = await handler(new ScriptedRequest(agent, list, tools), cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();

        foreach (var chunk in Chunks(reply.Text))
        {
            yield return new ChatResponseUpdate(ChatRole.Assistant, chunk);
        }
        var index = 0;
        foreach (var call in reply.Calls ?? [])
        {
            yield return new ChatResponseUpdate(ChatRole.Assistant, [new FunctionCallContent($"call_{agent}_{list.Count}_{index++}", call.Name, call.Arguments)]);
        }
        if (RecordUsage)
        {
            UsageScope.Record(new Usage(reply.InputTokens, reply.OutputTokens, reply.CostUsd, TimeSpan.FromMilliseconds(1), 1));
        }
        yield return new ChatResponseUpdate(ChatRole.Assistant, [new UsageContent(new UsageDetails { InputTokenCount = reply.InputTokens, OutputTokenCount = reply.OutputTokens })]);
        _calls.Enqueue(new ScriptedCallRecord(agent, list, started, TimeProvider.System.GetTimestamp()));
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }

    internal static string RoleOf(IEnumerable<ChatMessage> messages)
    {
        var system = messages.FirstOrDefault(m => m.Role == ChatRole.System)?.Text ?? "";
        var match = Regex.Match(system, @"agent-role:\s*([a-z_]+)");
        return match.Success ? match.Groups[1].Value : "unknown";
    }

    private static IEnumerable<string> Chunks(string text)
    {
        for (var i = 0; i < text.Length; i += 16)
        {
            yield return text.Substring(i, Math.Min(16, text.Length - i));
        }
    }
}
