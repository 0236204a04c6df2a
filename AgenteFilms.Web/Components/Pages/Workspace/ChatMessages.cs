namespace AgenteFilms.Web.Components.Pages.Workspace;

/// <summary>Only a base for <see cref="ChatPanel"/>: it renders nothing by itself.</summary>
public abstract partial class ChatMessages;
