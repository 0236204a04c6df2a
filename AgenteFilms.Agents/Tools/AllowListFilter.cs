using System.Text.Json;
using Microsoft.SemanticKernel;

namespace AgenteFilms.Agents.Tools;

/// <summary>
/// Runs on every tool call of one agent step (Semantic Kernel's auto-invocation filter): refuses any function not on
/// the agent's allow-list, and ends the tool loop after <c>exit_loop</c> so the critic's escalation is final.
/// The kernel only holds the agent's own functions anyway; this makes the rule explicit and independent of that.
/// </summary>
internal sealed class AllowListFilter(string plugin, IReadOnlyCollection<string> allowed, ToolContext tools) : IAutoFunctionInvocationFilter
{
    public async Task OnAutoFunctionInvocationAsync(AutoFunctionInvocationContext context, Func<AutoFunctionInvocationContext, Task> next)
    {
        var function = context.Function;
        if (!string.Equals(function.PluginName, plugin, StringComparison.Ordinal) || !allowed.Contains(function.Name))
        {
            context.Result = new FunctionResult(function, $"{ToolContext.RefusedPrefix} '{function.Name}' is not one of the {tools.Agent} agent's tools.");
            return;
        }
        // Every tool parameter is a string, but models often send a JSON payload (save_to_state's content, save_pitch's
        // pitchJson) as an object rather than as a string holding JSON; accept both.
        foreach (var name in context.Arguments?.Names.ToList() ?? [])
        {
            if (context.Arguments![name] is JsonElement { ValueKind: JsonValueKind.Object or JsonValueKind.Array } json)
            {
                context.Arguments[name] = json.GetRawText();
            }
        }
        await next(context).ConfigureAwait(false);
        if (function.Name == CriticTools.ExitLoop && tools.Escalated)
        {
            context.Terminate = true;
        }
    }
}
