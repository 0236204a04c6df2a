namespace AgenteFilms.Agents.Providers.Offline;

/// <summary>The offline model's genres, matched case-insensitively from free text; the earliest keyword in the text wins.</summary>
internal static partial class GenreCatalog
{
    private static IReadOnlyList<GenreProfile>? s_all;

    // Lazy: the genres are static fields in other files of this partial class, whose initialisation order is not guaranteed.
    public static IReadOnlyList<GenreProfile> All => s_all ??= [ScienceFiction, Thriller, Comedy, Drama, Horror, Romance];

    /// <summary>
    /// The genre named in <paramref name="genreText"/> ("Sci-fi thriller" → science fiction, "romantic comedy" →
    /// romance); else one the concept suggests; else drama, labelled with the writer's own genre text.
    /// </summary>
    public static GenreProfile Match(string? genreText, string? concept)
    {
        if (Earliest(genreText) is { } named)
        {
            return named;
        }
        if (Earliest(concept) is { } suggested && string.IsNullOrWhiteSpace(genreText))
        {
            return suggested;
        }
        return string.IsNullOrWhiteSpace(genreText)
            ? Drama
            : Drama with { DisplayName = genreText.Trim() };
    }

    private static GenreProfile? Earliest(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var lower = $" {text.ToLowerInvariant()} ";
        return All
            .SelectMany(g => g.Keywords.Select(k => (Genre: g, At: IndexOfWord(lower, k))))
            .Where(x => x.At >= 0)
            .OrderBy(x => x.At)
            .Select(x => x.Genre)
            .FirstOrDefault();
    }

    private static int IndexOfWord(string text, string keyword)
    {
        for (var at = text.IndexOf(keyword, StringComparison.Ordinal); at >= 0; at = text.IndexOf(keyword, at + 1, StringComparison.Ordinal))
        {
            var before = text[at - 1];
            var after = at + keyword.Length < text.Length ? text[at + keyword.Length] : ' ';
            if (!char.IsLetter(before) && !char.IsLetter(after))
            {
                return at;
            }
        }
        return -1;
    }

    public static readonly IReadOnlyList<string> FemaleNames = ["Maren", "Ines", "Nadia", "Orla", "Thea", "Priya", "Ruth", "Sofia", "Adaeze", "Ilse", "Mei", "Greta", "Lucia", "Hana"];
    public static readonly IReadOnlyList<string> MaleNames = ["Tobias", "Elias", "Ravi", "Cormac", "Anton", "Malik", "Jonah", "Teodor", "Hugo", "Kenji", "Silas", "Mateo", "Emeka", "Pavel"];
    public static readonly IReadOnlyList<string> NeutralNames = ["Sam", "Rowan", "Jude", "Alex", "Robin", "Quinn", "Ari", "Noor", "Kit", "Sasha", "Remy", "Eden"];
    public static readonly IReadOnlyList<string> Surnames = ["Halloran", "Okafor", "Lindqvist", "Moreau", "Castellano", "Nakamura", "Brennan", "Vasquez", "Achterberg", "Mbeki", "Sørensen", "Duval", "Kowalski", "Adeyemi", "Marsh", "Iqbal"];
}
