using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Microsoft.Extensions.AI;

namespace AgenteFilms.Benchmarks;

/// <summary>
/// A model that costs nothing to run: fixed, tiny answers per agent (a tool call, then one line of text), the critic
/// approving on the second iteration like the offline model. Isolates the engine's own overhead from content generation.
/// </summary>
internal sealed partial class CannedChatClient : IChatClient
{
    private static readonly ChatResponseUpdate s_usage = new(ChatRole.Assistant, [new UsageContent(new UsageDetails { InputTokenCount = 100, OutputTokenCount = 20 })]);

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        => GetStreamingResponseAsync(messages, options, cancellationToken).ToChatResponseAsync(cancellationToken);

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.CompletedTask;
        var list = messages as IList<ChatMessage> ?? messages.ToList();
        var role = Role().Match(list[0].Text).Groups[1].Value;
        var afterTool = list.Any(m => m.Role == ChatRole.Tool);
        var tool = options?.Tools?.FirstOrDefault()?.Name;
        if (afterTool || tool is null)
        {
            yield return new ChatResponseUpdate(ChatRole.Assistant, $"{role} done.");
        }
        else
        {
            var iteration = Iteration().Match(list[1].Text) is { Success: true } m ? int.Parse(m.Groups[1].Value) : 1;
            switch (role)
            {
                case "critic":
                    yield return new ChatResponseUpdate(ChatRole.Assistant, """{"scores":{"structure":8},"notes":[{"beat":"Midpoint","note":"ok"}],"summary":"ok"}""");
                    if (iteration >= 2)
                    {
                        yield return Call(tool, new() { ["reason"] = "passes" });
                    }
                    break;
                case "researcher":
                    yield return Call(tool, new() { ["topic"] = "Setting", ["note"] = "Fog" });
                    break;
                case "pitch_writer":
                    yield return Call(tool, new() { ["pitchJson"] = """{"title":"Fog","logline":"A keeper fights the fog."}""" });
                    break;
                default:
                    yield return Call(tool, new() { ["key"] = Key(role), ["content"] = """{"title":"Fog","text":"canned"}""" });
                    break;
            }
        }
        yield return s_usage;
    }

    private static ChatResponseUpdate Call(string tool, Dictionary<string, object?> arguments)
        => new(ChatRole.Assistant, [new FunctionCallContent($"call_{Guid.NewGuid():N}", tool, arguments)]);

    private static string Key(string role) => role switch
    {
        "screenwriter" => "outline",
        "character_developer" => "characters",
        "box_office" => "market",
        "casting_director" => "casting",
        _ => "brief",
    };

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }

    [GeneratedRegex(@"agent-role:\s*([a-z_]+)")]
    private static partial Regex Role();

    [GeneratedRegex(@"iteration:\s*(\d+)")]
    private static partial Regex Iteration();
}
