using AgenteFilms.Agents.Pitch;

namespace AgenteFilms.Tests.TestSupport;

/// <summary>Realistic pitch documents for tests and benchmarks.</summary>
public static class SamplePitches
{
    /// <summary>A complete science-fiction feature pitch: every section filled, Markdown in the prose fields.</summary>
    public static PitchDocument TheLastLighthouse() => new()
    {
        Title = "The Last Lighthouse",
        Logline = "When the final keeper of an orbital lighthouse intercepts a distress call from a ship that vanished forty years ago, she must choose between the rules that kept her sane and the crew only she can guide home.",
        Genre = "Science fiction / Drama",
        Format = "Feature film",
        Runtime = "112 minutes",
        Synopsis = """
            In 2189, beacon stations guide cargo through the debris-choked lanes around Jupiter. Automation has replaced every keeper but one: **Mara Okafor**, 58, who tends *Pharos-7* alone and talks to her late husband's recorded voice to fill the silence.

            When Pharos-7 picks up a distress call from the *Halcyon* — a colony ship lost with 212 souls four decades earlier — the Authority orders Mara to log it as an echo and power down. Instead she answers. The voice on the other end belongs to **Theo**, a nineteen-year-old engineer who insists it is still 2149.

            As Mara works the impossible geometry of a ship caught in a gravitational fold, she must:
            - keep the signal alive while the Authority's decommissioning drone closes in;
            - convince the *Halcyon*'s frightened captain to trust a stranger's instructions;
            - face the truth that her husband's final voyage was on the very ship she is trying to save.

            The rescue costs Mara the station, her recordings and very nearly her life. In the final minutes she talks Theo through a blind burn into the lanes she has kept lit for thirty years — and, for the first time since the accident, turns the recordings off.
            """,
        Characters =
        [
            new("Mara Okafor", "The last keeper", "To be left alone with her routines and her husband's recorded voice.", "To let the dead go so she can save the living.", "From a careful custodian of the past to a woman who risks everything on a present she cannot verify."),
            new("Theo Lindqvist", "Halcyon's junior engineer", "To get his crew home before the fold collapses.", "To accept that home is forty years gone.", "Grows from a frightened apprentice into the leader the *Halcyon* needs."),
            new("Captain Inés Ferreira", "Commander of the Halcyon", "To protect her passengers from one more false hope.", "To trust someone she cannot see.", "Yields command to hope, then takes it back when it matters."),
            new("Director Salt", "Beacon Authority, Ganymede", "A clean decommissioning and a promotion.", "To remember why the beacons were lit.", "A bureaucrat who, in the end, delays the drone by eleven minutes."),
            new("KESTREL", "The station's maintenance AI", "To complete the shutdown schedule.", "To be more than a schedule.", "Learns to lie — once — for Mara."),
            new("Amélie Duret", "Mara's late husband (recordings)", "To be remembered.", "To be released.", "Heard only on tape; his last message re-frames the whole film."),
        ],
        WorldAndTone = """
            A lived-in, analogue future: brass switches, tape decks and hand-lettered warnings inside a station built to outlast its makers. Space is **silent and enormous**; the drama is intimate — two voices across a gulf of time.

            Tone: *Moon* meets *The Lighthouse* by way of *Arrival* — melancholy, tense, finally hopeful.
            """,
        Acts =
        [
            new(1, "The Signal", "Mara's solitary routine is broken by a call from a ship that cannot exist.",
            [
                new("Opening image", "Pharos-7 blinks alone above Jupiter's storms; Mara replays the same recording every night."),
                new("Inciting incident", "A distress call on a frequency retired forty years ago: the *Halcyon*."),
                new("Debate", "The Authority orders her to log it as an echo; KESTREL begins the shutdown."),
                new("Break into two", "Mara answers the call."),
            ]),
            new(2, "The Fold", "Mara guides a ship caught outside time while the Authority closes in.",
            [
                new("Fun and games", "Improvised navigation with star charts, tape and a nineteen-year-old on the other end."),
                new("Midpoint", "Mara learns her husband was aboard the *Halcyon*."),
                new("Bad guys close in", "The decommissioning drone docks; KESTREL cuts power to the lamp."),
                new("All is lost", "The signal drops; Mara is alone with the recordings again."),
            ]),
            new(3, "The Burn", "A blind burn through the lanes she has kept lit for thirty years.",
            [
                new("Dark night", "Mara hears her husband's last message in full for the first time."),
                new("Finale", "KESTREL lies to the drone; Mara talks Theo through the burn by hand."),
                new("Final image", "A new light in the lanes — and silence where the recordings used to play."),
            ]),
        ],
        Themes = ["Grief and letting go", "Duty versus conscience", "Connection across time", "Obsolescence"],
        Comparables =
        [
            new("Moon", 2009, "A solitary worker, an AI companion and a corporate lie on a remote station.", "$9.8M worldwide on a $5M budget", "Box Office Mojo"),
            new("Arrival", 2016, "Grief re-framed by an impossible communication; intelligent, adult science fiction.", "$203M worldwide", "Box Office Mojo"),
            new("The Lighthouse", 2019, "A keeper's isolation and obsession as pressure-cooker drama.", "$18M worldwide"),
            new("Gravity", 2013, "A single performer carrying a survival story in orbit.", "$723M worldwide"),
            new("Interstellar", 2014, "Time dilation turned into heartbreak between parent and child.", null, null),
        ],
        AudienceAndMarket = """
            Adults 25–54 who turn out for **elevated genre**: the audience of *Arrival* and *Moon*. A contained production with a marquee lead plays theatrically in a platform release and finds its long tail on streaming.

            - Festival launch (Venice, TIFF) to build awards conversation for the lead performance.
            - International appeal: minimal dialogue-driven exposition, a universal story of loss.
            """,
        Casting =
        [
            new("Mara Okafor", ["Viola Davis", "Tilda Swinton"], "A lead who can hold the screen alone for long stretches and carry grief without sentimentality."),
            new("Theo Lindqvist", ["Kodi Smit-McPhee", "Paul Mescal"], "Voice-first role: warmth and panic in equal measure."),
            new("Captain Inés Ferreira", ["Penélope Cruz"], "Authority with a crack of doubt."),
            new("Director Salt", ["Brian Tyree Henry", "Stephen Graham"], "Makes a bureaucrat's last-minute decency feel earned."),
        ],
        ProductionNotes = """
            One principal set (the station interior, built practically) and one exterior volume for LED-wall space work. A 32-day shoot, with the *Halcyon* realised largely through sound design and a handful of VFX shots.

            - Practical lighting from in-world sources to keep costs down and the look tactile.
            - Tax-incentive locations under consideration: Budapest, Montréal.
            """,
        BudgetRange = "$12M–$18M (mid-budget)",
        WritersStatement = """
            I wrote *The Last Lighthouse* the year my father died, when I kept his voicemail greeting for months because deleting it felt like a second funeral. Mara is the person I was afraid of becoming: faithful to the dead at the expense of the living.

            Science fiction lets me stretch that feeling across forty years and half a solar system — and then ask what it would take to let go.
            """,
    };

    /// <summary>
    /// A pitch far larger than a real one: <paramref name="characterCount"/> characters, a long synopsis, many beats
    /// and comparables. For "nothing is dropped" and benchmark runs.
    /// </summary>
    public static PitchDocument Big(int characterCount = 24, int synopsisParagraphs = 12)
    {
        var baseline = TheLastLighthouse();
        var characters = Enumerable.Range(1, characterCount).Select(i => new PitchCharacter(
            $"Character{i:00} Vasquez-Nakamura",
            $"Crew member number {i} aboard the relay",
            $"Wantword{i} to finish the shift and get home before the storm season closes the lanes for another year.",
            $"Needword{i} to admit that the crew depends on her more than she depends on the routine.",
            $"Arcword{i} moves from quiet competence to open leadership when the station fails around her.")).ToList();
        var synopsis = string.Join("\n\n", Enumerable.Range(1, synopsisParagraphs).Select(p =>
            $"Paragraph{p} opens as the relay drifts further from the lanes, and the crew argue about whether to trust the signal. " +
            $"Every decision costs them something — fuel, time, or the fragile trust between keeper and engineer — and by the end of the chapter{p} the station is quieter, colder and more determined than before."));
        var acts = Enumerable.Range(1, 3).Select(a => new PitchAct(a, $"Movement {a}", $"Act{a} summary: the pressure rises and the choices narrow.",
            Enumerable.Range(1, 8).Select(b => new PitchBeat($"Beat {a}.{b}", $"Beatword{a}x{b} — the crew faces a new obstacle that tests their trust in the signal.")).ToList())).ToList();
        var comparables = Enumerable.Range(1, 14).Select(i => new Comparable(
            $"Comparable Film {i}", 1990 + i, $"Whyword{i}: a contained, character-led genre film with a strong central performance.",
            i % 3 == 0 ? null : $"${i * 7}M worldwide", i % 2 == 0 ? "The Numbers" : null)).ToList();
        return baseline with
        {
            Title = "The Long Relay",
            Synopsis = synopsis,
            Characters = characters,
            Acts = acts,
            Comparables = comparables,
            Casting = characters.Take(10).Select(c => new CastingIdea(c.Name, ["Actor Alpha", "Actor Beta"], $"Rationale for {c.Name}: presence, stillness and range.")).ToList(),
        };
    }
}
