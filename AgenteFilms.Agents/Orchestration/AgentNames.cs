namespace AgenteFilms.Agents.Orchestration;

/// <summary>Stable agent names: used in step keys, configuration (<c>Agents:ModelOverrides:critic</c>) and stored answers.</summary>
public static class AgentNames
{
    public const string Greeter = "greeter";
    public const string Researcher = "researcher";
    public const string Screenwriter = "screenwriter";
    public const string CharacterDeveloper = "character_developer";
    public const string Critic = "critic";
    public const string BoxOffice = "box_office";
    public const string CastingDirector = "casting_director";
    public const string PitchWriter = "pitch_writer";

    public static readonly IReadOnlyList<string> All =
    [
        Greeter, Researcher, Screenwriter, CharacterDeveloper, Critic, BoxOffice, CastingDirector, PitchWriter,
    ];
}

/// <summary>Stable state keys. Each is written by exactly one agent.</summary>
public static class StateKeys
{
    public const string Brief = "brief";
    public const string Research = "research";
    public const string Outline = "outline";
    public const string Characters = "characters";
    public const string Critique = "critique";
    public const string Market = "market";
    public const string Casting = "casting";
    public const string Pitch = "pitch";

    public static readonly IReadOnlyList<string> All = [Brief, Research, Outline, Characters, Critique, Market, Casting, Pitch];
}

/// <summary>Names of the composite stages, used as step-key prefixes and by the showrunner's <c>rerun</c> tool.</summary>
public static class StageNames
{
    public const string WritersRoom = "writers_room";
    public const string Preproduction = "preproduction";
    public const string PitchWriter = AgentNames.PitchWriter;
    public const string Regenerate = "regenerate";
    public const string FollowUp = "followup";
}
