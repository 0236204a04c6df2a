using System.Globalization;
using System.Text.RegularExpressions;

namespace AgenteFilms.Agents.Pitch;

/// <summary>
/// Reads a Markdown pitch (the <see cref="PitchMarkdown"/> layout, or a model's approximation of it) into a
/// <see cref="PitchDocument"/>. Lenient: headings are matched by keyword, unknown sections are ignored.
/// </summary>
public static partial class PitchMarkdownParser
{
    /// <summary>The parsed pitch, or null when the text has no title heading.</summary>
    public static PitchDocument? Parse(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return null;
        }
        var lines = markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var title = lines.Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith("# ", StringComparison.Ordinal))?[2..].Trim();
        if (string.IsNullOrWhiteSpace(title))
        {
            return null;
        }

        var preamble = new List<string>();
        var sections = new List<(string Heading, List<string> Lines)>();
        foreach (var raw in lines)
        {
            var line = raw.TrimEnd();
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                sections.Add((line[3..].Trim(), []));
            }
            else if (!line.StartsWith("# ", StringComparison.Ordinal))
            {
                (sections.Count == 0 ? preamble : sections[^1].Lines).Add(line);
            }
        }

        var pitch = new PitchDocument { Title = StripEmphasis(title) };
        pitch = pitch with { Logline = string.Join(' ', preamble.Where(l => l.TrimStart().StartsWith('>')).Select(l => l.TrimStart()[1..].Trim())) };
        foreach (Match field in OverviewField().Matches(string.Join('\n', preamble)))
        {
            var value = field.Groups["value"].Value.Trim();
            pitch = field.Groups["name"].Value.ToLowerInvariant() switch
            {
                "genre" => pitch with { Genre = value },
                "format" => pitch with { Format = value },
                _ => pitch with { Runtime = value },
            };
        }

        foreach (var (heading, body) in sections)
        {
            var h = heading.ToLowerInvariant();
            pitch = h switch
            {
                _ when h.Contains("logline", StringComparison.Ordinal) => pitch with { Logline = Prose(body) },
                _ when h.Contains("synopsis", StringComparison.Ordinal) => pitch with { Synopsis = Prose(body) },
                _ when h.Contains("character", StringComparison.Ordinal) => pitch with { Characters = Characters(body) },
                _ when h.Contains("world", StringComparison.Ordinal) || h.Contains("tone", StringComparison.Ordinal) => pitch with { WorldAndTone = Prose(body) },
                _ when h.Contains("structure", StringComparison.Ordinal) || h.Contains("outline", StringComparison.Ordinal) || h.Contains("beat", StringComparison.Ordinal) => pitch with { Acts = Acts(body) },
                _ when h.Contains("theme", StringComparison.Ordinal) => pitch with { Themes = Bullets(body) },
                _ when h.Contains("comparable", StringComparison.Ordinal) || h.Contains("comps", StringComparison.Ordinal) => pitch with { Comparables = Comparables(body) },
                _ when h.Contains("audience", StringComparison.Ordinal) || h.Contains("market", StringComparison.Ordinal) => pitch with { AudienceAndMarket = Prose(body) },
                _ when h.Contains("casting", StringComparison.Ordinal) => pitch with { Casting = Casting(body) },
                _ when h.Contains("production", StringComparison.Ordinal) || h.Contains("budget", StringComparison.Ordinal) => Production(pitch, body),
                _ when h.Contains("statement", StringComparison.Ordinal) => pitch with { WritersStatement = Prose(body) },
                _ => pitch,
            };
        }
        return pitch;
    }

    private static string Prose(List<string> body)
        => string.Join("\n\n", string.Join('\n', body.Where(l => !IsDisclaimer(l)))
            .Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => string.Join(' ', p.Split('\n', StringSplitOptions.TrimEntries))));

    private static List<string> Bullets(List<string> body)
        => [.. body.Select(l => l.Trim()).Where(IsBullet).Select(l => l[2..].Trim())];

    private static List<PitchCharacter> Characters(List<string> body)
    {
        var result = new List<PitchCharacter>();
        foreach (var block in SubBlocks(body))
        {
            var (name, role) = SplitDash(StripEmphasis(block.Heading));
            var fields = LabelledBullets(block.Lines);
            result.Add(new PitchCharacter(name, role, fields.GetValueOrDefault("want", ""), fields.GetValueOrDefault("need", ""), fields.GetValueOrDefault("arc", "")));
        }
        return result;
    }

    private static List<PitchAct> Acts(List<string> body)
    {
        var acts = new List<PitchAct>();
        foreach (var block in SubBlocks(body))
        {
            var match = ActHeading().Match(block.Heading);
            var number = match.Success ? int.Parse(match.Groups["n"].Value, CultureInfo.InvariantCulture) : acts.Count + 1;
            var title = match.Success ? match.Groups["title"].Value.Trim() : block.Heading;
            var beats = block.Lines.Select(l => l.Trim()).Where(IsBullet)
                .Select(l => LabelledBullet().Match(l[2..].Trim()))
                .Where(m => m.Success)
                .Select(m => new PitchBeat(m.Groups["label"].Value.Trim(), m.Groups["value"].Value.Trim()))
                .ToList();
            var summary = Prose([.. block.Lines.Where(l => !IsBullet(l.Trim()))]);
            acts.Add(new PitchAct(number, title, summary, beats));
        }
        return acts;
    }

    private static List<Comparable> Comparables(List<string> body)
    {
        var result = new List<Comparable>();
        foreach (var item in Bullets(body))
        {
            var match = ComparableItem().Match(item);
            if (!match.Success)
            {
                continue;
            }
            int? year = match.Groups["year"].Success ? int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture) : null;
            var why = match.Groups["why"].Value.Trim();
            string? figures = null;
            string? source = null;
            var figuresAt = why.IndexOf(" Figures:", StringComparison.Ordinal);
            if (figuresAt >= 0)
            {
                figures = why[(figuresAt + 9)..].Trim();
                why = why[..figuresAt].Trim();
                var sourceMatch = SourceSuffix().Match(figures);
                if (sourceMatch.Success)
                {
                    source = sourceMatch.Groups["source"].Value.Trim();
                    figures = figures[..sourceMatch.Index].Trim();
                }
                else if (figures.EndsWith("(unverified)", StringComparison.Ordinal))
                {
                    figures = figures[..^"(unverified)".Length].Trim();
                }
            }
            result.Add(new Comparable(match.Groups["title"].Value.Trim(), year, why, figures, source));
        }
        return result;
    }

    private static List<CastingIdea> Casting(List<string> body)
    {
        var result = new List<CastingIdea>();
        foreach (var item in Bullets(body))
        {
            var match = LabelledBullet().Match(item);
            if (!match.Success)
            {
                continue;
            }
            var (names, rationale) = SplitDash(match.Groups["value"].Value);
            var suggestions = names.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            result.Add(new CastingIdea(match.Groups["label"].Value.Trim(), suggestions, rationale));
        }
        return result;
    }

    private static PitchDocument Production(PitchDocument pitch, List<string> body)
    {
        var budget = body.Select(l => BudgetLine().Match(l.Trim())).FirstOrDefault(m => m.Success);
        var rest = body.Where(l => !BudgetLine().IsMatch(l.Trim())).ToList();
        return pitch with { BudgetRange = budget?.Groups["value"].Value.Trim() ?? pitch.BudgetRange, ProductionNotes = Prose(rest) };
    }

    private static IEnumerable<(string Heading, List<string> Lines)> SubBlocks(List<string> body)
    {
        (string Heading, List<string> Lines)? current = null;
        foreach (var line in body)
        {
            if (line.TrimStart().StartsWith("### ", StringComparison.Ordinal))
            {
                if (current is { } done)
                {
                    yield return done;
                }
                current = (line.TrimStart()[4..].Trim(), []);
            }
            else
            {
                current?.Lines.Add(line);
            }
        }
        if (current is { } last)
        {
            yield return last;
        }
    }

    private static Dictionary<string, string> LabelledBullets(List<string> lines)
        => lines.Select(l => l.Trim()).Where(IsBullet)
            .Select(l => LabelledBullet().Match(l[2..].Trim()))
            .Where(m => m.Success)
            .GroupBy(m => m.Groups["label"].Value.Trim().ToLowerInvariant())
            .ToDictionary(g => g.Key, g => g.First().Groups["value"].Value.Trim());

    private static (string Left, string Right) SplitDash(string text)
    {
        foreach (var dash in new[] { " — ", " – ", " - " })
        {
            var at = text.IndexOf(dash, StringComparison.Ordinal);
            if (at >= 0)
            {
                return (text[..at].Trim(), text[(at + dash.Length)..].Trim());
            }
        }
        return (text.Trim(), "");
    }

    private static bool IsBullet(string line) => line.StartsWith("- ", StringComparison.Ordinal) || line.StartsWith("* ", StringComparison.Ordinal);

    private static bool IsDisclaimer(string line)
    {
        var t = line.Trim();
        return t.Length > 2 && t.StartsWith('_') && t.EndsWith('_');
    }

    private static string StripEmphasis(string text) => text.Replace("**", "", StringComparison.Ordinal).Trim();

    [GeneratedRegex(@"\*\*(?<name>Genre|Format|Runtime):\*\*\s*(?<value>[^·\n]+)", RegexOptions.IgnoreCase)]
    private static partial Regex OverviewField();

    [GeneratedRegex(@"^\*\*(?<label>[^*]+?):?\*\*:?\s*(?<value>.*)$")]
    private static partial Regex LabelledBullet();

    [GeneratedRegex(@"^Act\s+(?<n>\d+)\s*[:.\-—]?\s*(?<title>.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex ActHeading();

    [GeneratedRegex(@"^\*\*(?<title>[^*]+)\*\*\s*(\((?<year>\d{4})\))?\s*[—–-]?\s*(?<why>.*)$")]
    private static partial Regex ComparableItem();

    [GeneratedRegex(@"\(source:\s*(?<source>[^)]*)\)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex SourceSuffix();

    [GeneratedRegex(@"^\*\*Budget(?: range)?:\*\*\s*(?<value>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex BudgetLine();
}
