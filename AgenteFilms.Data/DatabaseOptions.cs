using System.ComponentModel.DataAnnotations;

namespace AgenteFilms.Data;

/// <summary>The <c>Database</c> section. Connection strings live in <c>ConnectionStrings:Sqlite</c> / <c>ConnectionStrings:Postgres</c>.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary><c>Sqlite</c> (default, embedded) or <c>Postgres</c>.</summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Apply pending migrations at start-up (default true).</summary>
    public bool MigrateOnStartup { get; set; } = true;

    /// <summary>Folder for the SQLite file when <c>ConnectionStrings:Sqlite</c> is not set. Default: the user's local data folder.</summary>
    [MaxLength(1024)]
    public string? DataFolder { get; set; }
}

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}
