using AgenteFilms.Agents.Orchestration;
using AgenteFilms.Agents.Tools;

namespace AgenteFilms.Agents.Agents;

/// <summary>The box-office analyst: comparables (figures unverified unless sourced), audience, budget range, risks.</summary>
public sealed class BoxOfficeAnalystAgent : FilmAgent
{
    public override string Name => AgentNames.BoxOffice;
    public override string DisplayName => "Box-office analyst";
    public override IReadOnlyList<string> Reads { get; } = [StateKeys.Brief, StateKeys.Outline];
    public override string Writes => StateKeys.Market;
    public override IReadOnlyList<string> Tools { get; } = [StateTools.SaveToState];
    public override string Task => "Assess the market: comparables, audience, budget range and risks; save it with save_to_state under 'market'.";

    internal override object? CreateTools(ToolContext context) => new StateTools(context);
}
