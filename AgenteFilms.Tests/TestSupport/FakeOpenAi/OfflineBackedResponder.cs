using System.Text.Json;
using System.Text.Json.Nodes;
using AgenteFilms.Agents.Providers;
using Microsoft.Extensions.AI;

namespace AgenteFilms.Tests.TestSupport.FakeOpenAi;

/// <summary>
/// Lets the fake OpenAI server answer like a real model would: each request (messages and tools as sent over HTTP)
/// is handed to the deterministic offline model, and its text or tool calls go back as an OpenAI response. So the
/// whole agent workflow can run over real HTTP through the production provider path.
/// </summary>
public static class OfflineBackedResponder
{
    public static Func<RecordedRequest, FakeResponse> Create()
    {
        var offline = new OfflineChatClient(new ModelProfileOptions());
        return request =>
        {
            var (messages, options) = ToChat(request);
            var response = offline.GetResponseAsync(messages, options).GetAwaiter().GetResult();
            var calls = response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>().ToList();
            var usage = new FakeUsage(
                (int)(response.Usage?.InputTokenCount ?? 100),
                (int)Math.Max(1, response.Usage?.OutputTokenCount ?? 10));
            if (calls.Count > 0)
            {
                return new FakeResponse
                {
                    ToolCalls = calls.Select(c => new FakeToolCall(c.Name, JsonSerializer.Serialize(c.Arguments), c.CallId)).ToList(),
                    Usage = usage,
                };
            }
            var text = response.Text;
            return FakeResponse.Reply(text, usage) with { TextChunks = Chunks(text, 48) };
        };
    }

    private static (List<ChatMessage> Messages, ChatOptions Options) ToChat(RecordedRequest request)
    {
        var messages = new List<ChatMessage>();
        foreach (var message in request.Messages.OfType<JsonObject>())
        {
            var role = message["role"]?.GetValue<string>();
            var text = RecordedRequest.ContentText(message) ?? "";
            switch (role)
            {
                case "system" or "developer":
                    messages.Add(new ChatMessage(ChatRole.System, text));
                    break;
                case "user":
                    messages.Add(new ChatMessage(ChatRole.User, text));
                    break;
                case "assistant":
                    var contents = new List<AIContent>();
                    if (text.Length > 0)
                    {
                        contents.Add(new TextContent(text));
                    }
                    foreach (var call in (message["tool_calls"] as JsonArray ?? []).OfType<JsonObject>())
                    {
                        var function = call["function"]!;
                        var arguments = JsonSerializer.Deserialize<Dictionary<string, object?>>(function["arguments"]?.GetValue<string>() ?? "{}");
                        contents.Add(new FunctionCallContent(call["id"]!.GetValue<string>(), function["name"]!.GetValue<string>(), arguments));
                    }
                    messages.Add(new ChatMessage(ChatRole.Assistant, contents));
                    break;
                case "tool":
                    messages.Add(new ChatMessage(ChatRole.Tool, [new FunctionResultContent(message["tool_call_id"]!.GetValue<string>(), text)]));
                    break;
            }
        }
        var tools = request.Tools.OfType<JsonObject>()
            .Select(t => t["function"]!)
            .Select(f => (AITool)AIFunctionFactory.CreateDeclaration(
                f["name"]!.GetValue<string>(),
                f["description"]?.GetValue<string>(),
                JsonSerializer.SerializeToElement(f["parameters"] ?? new JsonObject())))
            .ToList();
        return (messages, new ChatOptions { Tools = tools });
    }

    private static List<string> Chunks(string text, int size)
    {
        var chunks = new List<string>();
        for (var i = 0; i < text.Length; i += size)
        {
            chunks.Add(text.Substring(i, Math.Min(size, text.Length - i)));
        }
        return chunks.Count == 0 ? [""] : chunks;
    }
}
