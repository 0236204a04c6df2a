namespace AgenteFilms.Web.Components.Pages.Workspace;

/// <summary>The cascading value the workspace gives its panels: true for a viewer of a shared pitch.</summary>
public static class WorkspaceAccess
{
    public const string ReadOnly = "WorkspaceReadOnly";
}
