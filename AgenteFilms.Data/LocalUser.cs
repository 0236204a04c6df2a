namespace AgenteFilms.Data;

/// <summary>Before accounts existed, everything belonged to this one local user; the first account takes it over (DECISIONS §3).</summary>
public static class LocalUser
{
    public static readonly Guid Id = new("00000000-0000-0000-0000-000000000001");
}
