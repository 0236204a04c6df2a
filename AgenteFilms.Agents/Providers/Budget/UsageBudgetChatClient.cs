using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace AgenteFilms.Agents.Providers;

/// <summary>
/// Checks every model round trip against the budget of the account in the current <see cref="UsageScope"/>: before the
/// call, the tokenizer's estimate (prompt plus expected output) is reserved; after it, the billed usage settles the
/// reservation. A call that would exceed the budget is never sent (<see cref="UsageBudgetExceededException"/>). Calls
/// made outside an account (a connection test) are not budgeted. It sits directly above the usage meter, below the
/// function-invocation layer, so each request of a tool loop is checked.
/// </summary>
public sealed class UsageBudgetChatClient(IChatClient innerClient, ResolvedModelProfile profile, IUsageBudget budget, TokenCounter tokens)
    : DelegatingChatClient(innerClient)
{
    /// <summary>Output expected from a request that sets no cap: an agent's answer is typically a page or two.</summary>
    public const int DefaultExpectedOutputTokens = 1_000;

    public override async Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        if (UsageScope.Current?.Account is not { } account)
        {
            return await base.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        }
        var list = messages as IReadOnlyCollection<ChatMessage> ?? [.. messages];
        using var reservation = await budget.ReserveAsync(account, Estimate(list, options), cancellationToken).ConfigureAwait(false);
        var response = await base.GetResponseAsync(list, options, cancellationToken).ConfigureAwait(false);
        reservation.Settle(Billed(response.Usage));
        return response;
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (UsageScope.Current?.Account is not { } account)
        {
            await foreach (var update in base.GetStreamingResponseAsync(messages, options, cancellationToken).ConfigureAwait(false))
            {
                yield return update;
            }
            yield break;
        }
        var list = messages as IReadOnlyCollection<ChatMessage> ?? [.. messages];
        using var reservation = await budget.ReserveAsync(account, Estimate(list, options), cancellationToken).ConfigureAwait(false);
        UsageDetails? usage = null;
        try
        {
            await foreach (var update in base.GetStreamingResponseAsync(list, options, cancellationToken).ConfigureAwait(false))
            {
                foreach (var content in update.Contents)
                {
                    if (content is UsageContent reported)
                    {
                        usage ??= new UsageDetails();
                        usage.Add(reported.Details);
                    }
                }
                yield return update;
            }
        }
        finally
        {
            // Also when the stream broke or the consumer stopped early: what the provider reported was billed.
            if (usage is not null)
            {
                reservation.Settle(Billed(usage));
            }
        }
    }

    private TokenEstimate Estimate(IReadOnlyCollection<ChatMessage> messages, ChatOptions? options)
    {
        var expected = options?.MaxOutputTokens ?? DefaultExpectedOutputTokens;
        return tokens.Estimate(profile.Options, messages, expected, options?.MaxOutputTokens);
    }

    private Usage Billed(UsageDetails? details)
    {
        var input = details?.InputTokenCount ?? 0;
        var output = details?.OutputTokenCount ?? 0;
        return new Usage(input, output, profile.Options.CostOf(input, output), TimeSpan.Zero, Requests: 1);
    }
}
