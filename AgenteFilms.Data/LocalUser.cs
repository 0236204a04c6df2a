namespace AgenteFilms.Data;

/// <summary>Until accounts exist, everything belongs to this one local user (DECISIONS §3).</summary>
public static class LocalUser
{
    public static readonly Guid Id = new("00000000-0000-0000-0000-000000000001");
}
