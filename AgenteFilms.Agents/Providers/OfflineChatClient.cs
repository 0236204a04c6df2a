using System.Runtime.CompilerServices;
using System.Text.Json;
using AgenteFilms.Agents.Orchestration;
using AgenteFilms.Agents.Providers.Offline;
using Microsoft.Extensions.AI;

namespace AgenteFilms.Agents.Providers;

/// <summary>
/// The embedded offline model: an <see cref="IChatClient"/> that writes a plausible, genre-aware pitch for the brief
/// in the request, deterministically (same prompt and brief → same answer). It recognises the agent from the
/// <c>agent-role</c> marker in the system prompt, calls the agent's tools with real <see cref="FunctionCallContent"/>
/// (executed by Semantic Kernel's function-invocation layer, like a real model's), streams in chunks, reports
/// estimated usage (characters ÷ 4), and can simulate time-to-first-token and tokens per second. It is labelled
/// "Offline model" and never claims to be an LLM.
/// </summary>
public sealed class OfflineChatClient : IChatClient
{
    private readonly ModelProfileOptions _profile;
    private readonly TimeProvider _time;
    private readonly OfflineModelBehavior _behavior;
    private readonly ChatClientMetadata _metadata;

    /// <summary>The constructor the provider factory uses.</summary>
    public OfflineChatClient(ModelProfileOptions profile, TimeProvider? timeProvider = null)
        : this(profile, timeProvider, OfflineModelBehavior.Default)
    {
    }

    /// <summary>With explicit behaviour (e.g. when the critic approves), for tests, demos and benchmarks.</summary>
    public OfflineChatClient(ModelProfileOptions profile, TimeProvider? timeProvider, OfflineModelBehavior behavior)
    {
        _profile = profile;
        _time = timeProvider ?? TimeProvider.System;
        _behavior = behavior;
        _metadata = new ChatClientMetadata("offline", defaultModelId: profile.Label);
    }

    /// <summary>What the UI shows for this model.</summary>
    public const string Label = "Offline model";

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        => await GetStreamingResponseAsync(messages, options, cancellationToken).ToChatResponseAsync(cancellationToken).ConfigureAwait(false);

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var list = messages as IReadOnlyList<ChatMessage> ?? messages.ToList();
        var request = OfflineRequest.Parse(list, options);
        var reply = OfflineRoom.Reply(request, _behavior);
        var responseId = $"offline-{StableRandom.Hash(string.Join('\n', list.Select(m => m.Text))):x}";
        var modelId = _profile.Label;
        var started = _time.GetTimestamp();
        var emittedChars = 0L;

        // Simulated latency is scheduled against the start time, so many small waits do not accumulate timer drift.
        async ValueTask PaceAsync(long chars)
        {
            emittedChars += chars;
            var tokens = (emittedChars + 3) / 4;
            var due = TimeSpan.FromMilliseconds(_profile.FirstTokenMs + (_profile.TokensPerSecond > 0 ? tokens * 1000.0 / _profile.TokensPerSecond : 0));
            var wait = due - _time.GetElapsedTime(started);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
            }
            cancellationToken.ThrowIfCancellationRequested();
        }

        foreach (var chunk in Chunks(reply.Text, _behavior.ChunkChars))
        {
            await PaceAsync(chunk.Length).ConfigureAwait(false);
            yield return new ChatResponseUpdate(ChatRole.Assistant, chunk) { ResponseId = responseId, ModelId = modelId };
        }
        foreach (var call in reply.Calls)
        {
            await PaceAsync(call.Name.Length + JsonSerializer.Serialize(call.Arguments, AgentJson.Options).Length).ConfigureAwait(false);
            yield return new ChatResponseUpdate(ChatRole.Assistant, [call]) { ResponseId = responseId, ModelId = modelId };
        }
        if (reply.Text.Length == 0 && reply.Calls.Count == 0)
        {
            await PaceAsync(0).ConfigureAwait(false);
        }

        var usage = new UsageDetails
        {
            InputTokenCount = list.Sum(m => EstimateTokens(string.Concat(m.Contents.Select(ContentText)))),
            OutputTokenCount = Math.Max(1, (emittedChars + 3) / 4),
        };
        usage.TotalTokenCount = usage.InputTokenCount + usage.OutputTokenCount;
        yield return new ChatResponseUpdate(ChatRole.Assistant, [new UsageContent(usage)])
        {
            ResponseId = responseId,
            ModelId = modelId,
            FinishReason = reply.Calls.Count > 0 ? ChatFinishReason.ToolCalls : ChatFinishReason.Stop,
        };
    }

    public object? GetService(Type serviceType, object? serviceKey = null)
        => serviceKey is not null ? null
            : serviceType == typeof(ChatClientMetadata) ? _metadata
            : serviceType.IsInstanceOfType(this) ? this
            : null;

    public void Dispose()
    {
    }

    /// <summary>The usual rough estimate: about four characters per token.</summary>
    internal static long EstimateTokens(string text) => (text.Length + 3) / 4;

    private static string ContentText(AIContent content) => content switch
    {
        TextContent text => text.Text,
        FunctionCallContent call => call.Name + JsonSerializer.Serialize(call.Arguments, AgentJson.Options),
        FunctionResultContent result => result.Result?.ToString() ?? "",
        _ => "",
    };

    private static IEnumerable<string> Chunks(string text, int size)
    {
        // Break at spaces near the chunk size so words are never split across chunks.
        var start = 0;
        while (start < text.Length)
        {
            var end = Math.Min(text.Length, start + Math.Max(4, size));
            if (end < text.Length)
            {
                var space = text.IndexOf(' ', end);
                end = space < 0 || space - end > 12 ? end : space + 1;
            }
            yield return text[start..end];
            start = end;
        }
    }
}
