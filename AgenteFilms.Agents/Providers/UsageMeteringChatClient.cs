using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace AgenteFilms.Agents.Providers;

/// <summary>
/// Meters every model round trip: tokens as the provider reports them, cost at the profile's prices, latency (and for
/// streams the time to the first update). Records into the current <see cref="UsageScope"/> and into
/// <see cref="LlmMetrics"/>. It sits below the function-invocation layer, so each request of a tool loop counts.
/// </summary>
public sealed class UsageMeteringChatClient(IChatClient innerClient, ResolvedModelProfile profile, LlmMetrics metrics, TimeProvider timeProvider)
    : DelegatingChatClient(innerClient)
{
    /// <summary>The profile this client meters.</summary>
    public ResolvedModelProfile Profile => profile;

    public override async Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var started = timeProvider.GetTimestamp();
        ChatResponse response;
        try
        {
            response = await base.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            metrics.RecordFailure(profile.Name, ModelOf(null, options), streaming: false, timeProvider.GetElapsedTime(started), ex);
            throw;
        }
        Record(response.Usage, ModelOf(response.ModelId, options), timeProvider.GetElapsedTime(started), streaming: false, timeToFirstUpdate: null);
        return response;
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var started = timeProvider.GetTimestamp();
        TimeSpan? firstUpdate = null;
        UsageDetails? usage = null;
        string? modelId = null;

        await using var updates = base.GetStreamingResponseAsync(messages, options, cancellationToken)
            .GetAsyncEnumerator(cancellationToken);
        var failed = false;
        try
        {
            while (true)
            {
                try
                {
                    if (!await updates.MoveNextAsync().ConfigureAwait(false))
                    {
                        break;
                    }
                }
                catch (Exception ex)
                {
                    failed = true;
                    if (!cancellationToken.IsCancellationRequested)
                    {
                        metrics.RecordFailure(profile.Name, ModelOf(modelId, options), streaming: true, timeProvider.GetElapsedTime(started), ex);
                    }
                    throw;
                }

                var update = updates.Current;
                firstUpdate ??= timeProvider.GetElapsedTime(started);
                modelId ??= update.ModelId;
                foreach (var content in update.Contents)
                {
                    if (content is UsageContent usageContent)
                    {
                        usage ??= new UsageDetails();
                        usage.Add(usageContent.Details);
                    }
                }
                yield return update;
            }
        }
        finally
        {
            // Also when the consumer stops early: the request was made and may be billed.
            if (!failed)
            {
                Record(usage, ModelOf(modelId, options), timeProvider.GetElapsedTime(started), streaming: true, firstUpdate);
            }
        }
    }

    private string ModelOf(string? responseModel, ChatOptions? options) =>
        responseModel ?? options?.ModelId ?? profile.Options.Model;

    private void Record(UsageDetails? details, string model, TimeSpan latency, bool streaming, TimeSpan? timeToFirstUpdate)
    {
        var input = details?.InputTokenCount ?? 0;
        var output = details?.OutputTokenCount ?? 0;
        var usage = new Usage(input, output, profile.Options.CostOf(input, output), latency, Requests: 1);
        UsageScope.Record(usage);
        metrics.RecordSuccess(profile.Name, model, usage, streaming, timeToFirstUpdate);
    }
}
