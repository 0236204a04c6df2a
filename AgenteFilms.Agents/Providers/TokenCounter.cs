using Microsoft.Extensions.AI;
using Microsoft.ML.Tokenizers;

namespace AgenteFilms.Agents.Providers;

/// <summary>
/// Counts tokens with the o200k encoding (GPT-4o family) for estimates and budgets before a request is made.
/// Billed usage comes from the provider (see <see cref="UsageMeteringChatClient"/>); for other model families these
/// counts are an approximation, usually within a few percent.
/// </summary>
public sealed class TokenCounter
{
    // Per the OpenAI cookbook for chat models: each message costs a few tokens of framing, and every reply is primed.
    private const int TokensPerMessage = 3;
    private const int TokensPerName = 1;
    private const int TokensReplyPriming = 3;

    // Loading the vocabulary takes ~0.3 s: do it once per process, on first use.
    private static readonly Lazy<Tokenizer> s_tokenizer = new(() => TiktokenTokenizer.CreateForModel("gpt-4o"));

    /// <summary>Tokens in a piece of text.</summary>
    public int Count(string? text) => string.IsNullOrEmpty(text) ? 0 : s_tokenizer.Value.CountTokens(text);

    /// <summary>Input tokens of a chat request: text, tool calls and tool results of every message, with framing.</summary>
    public int Count(IEnumerable<ChatMessage> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var total = TokensReplyPriming;
        foreach (var message in messages)
        {
            total += TokensPerMessage + (message.AuthorName is { Length: > 0 } name ? Count(name) + TokensPerName : 0);
            foreach (var content in message.Contents)
            {
                total += content switch
                {
                    TextContent text => Count(text.Text),
                    FunctionCallContent call => Count(call.Name) + Count(System.Text.Json.JsonSerializer.Serialize(call.Arguments)),
                    FunctionResultContent result => Count(result.Result?.ToString()),
                    _ => 0,
                };
            }
        }
        return total;
    }

    /// <summary>
    /// Pre-flight estimate for one request on a profile: the input tokens of <paramref name="messages"/> plus the
    /// expected output, priced at the profile's rates. The range runs from the expected output to
    /// <paramref name="maxOutputTokens"/> (the request's cap; defaults to the expected output).
    /// </summary>
    public TokenEstimate Estimate(ModelProfileOptions profile, IEnumerable<ChatMessage> messages, int expectedOutputTokens, int? maxOutputTokens = null)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentOutOfRangeException.ThrowIfNegative(expectedOutputTokens);
        var max = Math.Max(maxOutputTokens ?? expectedOutputTokens, expectedOutputTokens);
        var input = Count(messages);
        return new TokenEstimate(input, expectedOutputTokens, max, profile.CostOf(input, expectedOutputTokens), profile.CostOf(input, max));
    }
}

/// <summary>A pre-flight estimate: tokens in, tokens out (expected and at most), and the cost range in USD.</summary>
public sealed record TokenEstimate(int InputTokens, int ExpectedOutputTokens, int MaxOutputTokens, decimal ExpectedCostUsd, decimal MaxCostUsd);
