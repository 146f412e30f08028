// Least privilege: everyday use reads and writes list items; only the administrator's "Set up SharePoint lists"
// action asks for Sites.Manage.All. With Sites.Selected the admin grants the app this one site instead.
export const GRAPH_RESOURCE = "https://graph.microsoft.com";

export const SCOPES = {
  /**
   * Reading and writing list items (or Sites.Selected, when the admin grants the app one site), and reading the
   * user's own calendar events for a meeting's iCalUId (the id organiser and attendees share).
   */
  items: [`${GRAPH_RESOURCE}/Sites.ReadWrite.All`, `${GRAPH_RESOURCE}/Calendars.Read`],
  /** Creating lists and columns: administrator set-up only. */
  manage: [`${GRAPH_RESOURCE}/Sites.Manage.All`],
} as const;
