using System.Globalization;
using System.Text;
using AgenteFilms.Agents.Agents;
using AgenteFilms.Data.Stores;
using AgenteFilms.Web.Infrastructure;
using Microsoft.Extensions.Options;

namespace AgenteFilms.Web.Features.Usage;

/// <summary>
/// The acting user's billed usage over the last days, from the tokens and cost stored on agent steps: so every figure
/// the usage page and the CSV show is a sum of rows in the database.
/// </summary>
public sealed class UsageService(UsageStore store, ICurrentUser user, AgentCatalog agents, IOptions<LimitsOptions> limits, TimeProvider time)
{
    public const int Days = 30;

    public async Task<UsageReport> GetReportAsync(CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var first = today.AddDays(-(Days - 1));
        var rows = await store.GetAsync(user.Id, first.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), cancellationToken);

        var perDay = Enumerable.Range(0, Days).Select(i => first.AddDays(i))
            .Select(day => Total(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), rows.Where(r => r.Day == day)))
            .ToList();
        var perPitch = rows.GroupBy(r => r.SessionId)
            .Select(g => Total(g.First().SessionTitle, g) with { SessionId = g.Key })
            .OrderByDescending(t => t.CostUsd).ThenByDescending(t => t.Tokens).ToList();
        var perAgent = rows.GroupBy(r => r.Agent)
            .Select(g => Total(agents.ByName.TryGetValue(g.Key, out var agent) ? agent.DisplayName : g.Key, g))
            .OrderByDescending(t => t.CostUsd).ThenByDescending(t => t.Tokens).ToList();
        var perModel = rows.GroupBy(r => r.Model)
            .Select(g => Total(g.Key.Length == 0 ? "(unknown model)" : g.Key, g))
            .OrderByDescending(t => t.CostUsd).ThenByDescending(t => t.Tokens).ToList();
        return new UsageReport(first, today, rows, perDay, perPitch, perAgent, perModel,
            Total("Total", rows), perDay[^1], limits.Value.DailyTokenBudget, limits.Value.DailyCostBudgetUsd);
    }

    /// <summary>The report's rows as CSV (one line per UTC day, pitch, agent and model), invariant culture.</summary>
    public static string ToCsv(UsageReport report)
    {
        var csv = new StringBuilder("date,pitch_id,pitch_title,agent,model,steps,input_tokens,output_tokens,cost_usd\n");
        foreach (var row in report.Rows)
        {
            csv.Append(row.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append(',')
                .Append(row.SessionId).Append(',')
                .Append(Field(row.SessionTitle)).Append(',')
                .Append(Field(row.Agent)).Append(',')
                .Append(Field(row.Model)).Append(',')
                .Append(row.Steps.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(row.InputTokens.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(row.OutputTokens.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(UsageFormat.Invariant(row.CostUsd)).Append('\n');
        }
        return csv.ToString();
    }

    // RFC 4180 quoting; a leading =, +, - or @ is prefixed so a spreadsheet never runs a title as a formula.
    private static string Field(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@')
        {
            value = "'" + value;
        }
        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
    }

    private static UsageTotal Total(string label, IEnumerable<UsageRow> rows)
    {
        long input = 0, output = 0;
        decimal cost = 0;
        var steps = 0;
        foreach (var row in rows)
        {
            input += row.InputTokens;
            output += row.OutputTokens;
            cost += row.CostUsd;
            steps += row.Steps;
        }
        return new UsageTotal(label, input, output, cost, steps);
    }
}

/// <summary>Usage of the last <see cref="UsageService.Days"/> UTC days, sliced per day, pitch, agent and model.</summary>
public sealed record UsageReport(
    DateOnly From,
    DateOnly To,
    IReadOnlyList<UsageRow> Rows,
    IReadOnlyList<UsageTotal> PerDay,
    IReadOnlyList<UsageTotal> PerPitch,
    IReadOnlyList<UsageTotal> PerAgent,
    IReadOnlyList<UsageTotal> PerModel,
    UsageTotal Total,
    UsageTotal Today,
    long DailyTokenBudget,
    decimal DailyCostBudgetUsd);

/// <summary>Summed usage under a label (a day, a pitch, an agent, a model).</summary>
public sealed record UsageTotal(string Label, long InputTokens, long OutputTokens, decimal CostUsd, int Steps, Guid? SessionId = null)
{
    public long Tokens => InputTokens + OutputTokens;
}
