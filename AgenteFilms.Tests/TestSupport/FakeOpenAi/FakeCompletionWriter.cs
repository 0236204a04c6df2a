using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace AgenteFilms.Tests.TestSupport.FakeOpenAi;

/// <summary>Renders completions in OpenAI's chat.completion and chat.completion.chunk shapes.</summary>
internal static class FakeCompletionWriter
{
    private static long s_ids;

    public static JsonObject Completion(FakeResponse response, string model)
    {
        var message = new JsonObject { ["role"] = "assistant", ["content"] = response.Text };
        if (response.ToolCalls.Count > 0)
        {
            message["tool_calls"] = new JsonArray([.. response.ToolCalls.Select(call => (JsonNode)new JsonObject
            {
                ["id"] = call.Id,
                ["type"] = "function",
                ["function"] = new JsonObject { ["name"] = call.Name, ["arguments"] = call.ArgumentsJson },
            })]);
        }
        var completion = Envelope("chat.completion", model);
        completion["choices"] = new JsonArray(new JsonObject
        {
            ["index"] = 0,
            ["message"] = message,
            ["finish_reason"] = FinishReason(response),
        });
        if (response.Usage is { } usage)
        {
            completion["usage"] = Usage(usage);
        }
        return completion;
    }

    public static async Task WriteStreamAsync(HttpResponse http, FakeResponse response, string model, bool includeUsage, CancellationToken cancellationToken)
    {
        http.ContentType = "text/event-stream";
        http.Headers.CacheControl = "no-cache";
        var id = NextId();
        var sent = 0;

        async Task SendAsync(JsonObject chunk)
        {
            if (response.HangAfterChunks is { } limit && sent >= limit)
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            if (sent > 0 && response.ChunkDelay > TimeSpan.Zero)
            {
                await Task.Delay(response.ChunkDelay, cancellationToken);
            }
            await http.WriteAsync($"data: {chunk.ToJsonString()}\n\n", cancellationToken);
            await http.Body.FlushAsync(cancellationToken);
            sent++;
        }

        JsonObject Chunk(JsonObject delta, string? finishReason = null)
        {
            var chunk = Envelope("chat.completion.chunk", model, id);
            chunk["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["delta"] = delta, ["finish_reason"] = finishReason });
            return chunk;
        }

        await SendAsync(Chunk(new JsonObject { ["role"] = "assistant", ["content"] = "" }));
        foreach (var text in response.TextChunks ?? SplitText(response.Text))
        {
            await SendAsync(Chunk(new JsonObject { ["content"] = text }));
        }
        for (var i = 0; i < response.ToolCalls.Count; i++)
        {
            var call = response.ToolCalls[i];
            // First the id and name, then the arguments in two pieces, as real servers split them.
            await SendAsync(Chunk(ToolDelta(i, new JsonObject { ["name"] = call.Name, ["arguments"] = "" }, call.Id)));
            var half = call.ArgumentsJson.Length / 2;
            await SendAsync(Chunk(ToolDelta(i, new JsonObject { ["arguments"] = call.ArgumentsJson[..half] })));
            await SendAsync(Chunk(ToolDelta(i, new JsonObject { ["arguments"] = call.ArgumentsJson[half..] })));
        }
        await SendAsync(Chunk([], FinishReason(response)));
        if (includeUsage && response.Usage is { } usage)
        {
            var usageChunk = Envelope("chat.completion.chunk", model, id);
            usageChunk["choices"] = new JsonArray();
            usageChunk["usage"] = Usage(usage);
            await SendAsync(usageChunk);
        }
        await http.WriteAsync("data: [DONE]\n\n", cancellationToken);
        await http.Body.FlushAsync(cancellationToken);
    }

    private static JsonObject ToolDelta(int index, JsonObject function, string? id = null)
    {
        var call = new JsonObject { ["index"] = index };
        if (id is not null)
        {
            call["id"] = id;
            call["type"] = "function";
        }
        call["function"] = function;
        return new JsonObject { ["tool_calls"] = new JsonArray(call) };
    }

    private static IEnumerable<string> SplitText(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            yield break;
        }
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == ' ')
            {
                yield return text[start..(i + 1)];
                start = i + 1;
            }
        }
        if (start < text.Length)
        {
            yield return text[start..];
        }
    }

    private static string FinishReason(FakeResponse response) => response.ToolCalls.Count > 0 ? "tool_calls" : "stop";

    private static JsonObject Usage(FakeUsage usage) => new()
    {
        ["prompt_tokens"] = usage.PromptTokens,
        ["completion_tokens"] = usage.CompletionTokens,
        ["total_tokens"] = usage.PromptTokens + usage.CompletionTokens,
    };

    private static JsonObject Envelope(string kind, string model, string? id = null) => new()
    {
        ["id"] = id ?? NextId(),
        ["object"] = kind,
        ["created"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
        ["model"] = model,
    };

    private static string NextId() => $"chatcmpl-fake-{Interlocked.Increment(ref s_ids)}";
}
