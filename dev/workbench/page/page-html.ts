// The workbench page's HTML and styles. Colours follow Outlook on the web's light and dark palettes.
export const PAGE_STYLES = `
:root { color-scheme: light; --bg:#f5f5f5; --panel:#ffffff; --text:#242424; --muted:#616161; --line:#e0e0e0; --brand:#0f6cbd; --brand-text:#ffffff; --sel:#cfe4fa; --hover:#f0f0f0; }
body[data-theme=dark] { color-scheme: dark; --bg:#1f1f1f; --panel:#292929; --text:#ffffff; --muted:#adadad; --line:#3d3d3d; --brand:#115ea3; --sel:#0c3b5e; --hover:#333333; }
* { box-sizing: border-box; }
html, body { height: 100%; margin: 0; }
body { font: 14px "Segoe UI", system-ui, -apple-system, sans-serif; background: var(--bg); color: var(--text); }
#workbench { display: flex; flex-direction: column; height: 100%; }
.topbar { display: flex; align-items: center; gap: 10px; height: 48px; padding: 0 16px; background: var(--brand); color: var(--brand-text); }
.topbar .brand { font-weight: 600; font-size: 16px; }
.topbar .brand-sub { opacity: .8; font-size: 12px; }
.topbar .spacer { flex: 1; }
.topbar label { font-size: 12px; }
.topbar select { font: inherit; font-size: 12px; padding: 2px 4px; border-radius: 4px; border: 0; }
.topbar .user { display: flex; align-items: center; gap: 8px; margin-left: 12px; }
.avatar { display: inline-grid; place-items: center; width: 28px; height: 28px; border-radius: 50%; background: #fff; color: var(--brand); font-size: 12px; font-weight: 600; }
.columns { flex: 1; display: grid; grid-template-columns: 200px 320px minmax(320px, 1fr) 360px; min-height: 0; }
.folders, .item-list, .reading-pane, .taskpane { min-height: 0; overflow: auto; border-right: 1px solid var(--line); background: var(--panel); }
.folders { background: var(--bg); padding: 12px 8px; }
.new-buttons { display: flex; flex-direction: column; gap: 6px; margin-bottom: 12px; }
button { font: inherit; color: inherit; cursor: pointer; }
.new-buttons button, .actions button { padding: 6px 12px; border-radius: 4px; border: 1px solid var(--line); background: var(--panel); }
button.primary { background: var(--brand); color: var(--brand-text); border-color: var(--brand); }
.folders ul, .item-list ul { list-style: none; margin: 0; padding: 0; }
.folders li button { width: 100%; text-align: left; padding: 6px 10px; border: 0; border-radius: 4px; background: transparent; display: flex; justify-content: space-between; }
.folders li button:hover { background: var(--hover); }
.folders li button[aria-current=page] { background: var(--sel); font-weight: 600; }
.count { color: var(--brand); font-weight: 600; }
.section-title { font-size: 12px; font-weight: 600; color: var(--muted); margin: 8px 10px; overflow: hidden; text-overflow: ellipsis; }
.item-list li { border-bottom: 1px solid var(--line); }
.item { display: grid; grid-template-columns: 1fr auto; gap: 2px 8px; width: 100%; text-align: left; padding: 10px 12px; border: 0; border-left: 3px solid transparent; background: transparent; }
.item:hover { background: var(--hover); }
.item[aria-pressed=true] { background: var(--sel); border-left-color: var(--brand); }
.item .who { font-weight: 600; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.item .subject { grid-column: 1 / -1; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; color: var(--brand); }
body[data-theme=dark] .item .subject { color: #8ac2f5; }
.item .when { grid-row: 1; grid-column: 2; font-size: 12px; color: var(--muted); }
.reading-pane { padding: 20px 28px; }
.reading-pane h1 { font-size: 20px; font-weight: 600; margin: 0 0 12px; }
.meta { margin: 4px 0; color: var(--muted); }
.meta-label { font-weight: 600; }
.body { margin-top: 18px; padding-top: 14px; border-top: 1px solid var(--line); white-space: pre-wrap; line-height: 1.5; }
.empty { color: var(--muted); padding: 20px; }
.attachments { list-style: none; display: flex; flex-wrap: wrap; gap: 8px; margin: 12px 0 0; padding: 0; }
.attachment { display: flex; flex-direction: column; min-width: 160px; max-width: 260px; padding: 6px 10px; border: 1px solid var(--line); border-radius: 4px; background: var(--bg); }
.attachment-name { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.attachment-size { font-size: 12px; color: var(--muted); }
.protected { color: var(--text); font-weight: 600; }
.inline-images { margin-top: 8px; color: var(--muted); font-size: 12px; }
.compose .field { display: grid; grid-template-columns: 150px 1fr; align-items: start; gap: 6px; margin: 8px 0; }
.compose input, .compose textarea { font: inherit; color: var(--text); background: var(--panel); padding: 6px 8px; border: 1px solid var(--line); border-radius: 4px; width: 100%; }
.compose input[aria-invalid=true] { border-color: #c50f1f; }
.field-error { grid-column: 2; margin: 0; color: #c50f1f; font-size: 12px; }
.field-error:empty { display: none; }
.actions { display: flex; gap: 8px; margin-top: 12px; }
.taskpane { display: flex; flex-direction: column; border-right: 0; border-left: 1px solid var(--line); }
.taskpane-title { padding: 8px 12px; font-weight: 600; border-bottom: 1px solid var(--line); }
.taskpane-frame { flex: 1; width: 100%; border: 0; background: var(--panel); }
.send-notice { position: fixed; left: 50%; top: 30%; transform: translateX(-50%); z-index: 10; padding: 16px 20px; background: var(--panel); border: 1px solid var(--line); border-radius: 6px; box-shadow: 0 8px 24px rgba(0,0,0,.2); }
:focus-visible { outline: 2px solid var(--brand); outline-offset: 1px; }
`;

export function pageHtml(): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Outlook workbench – Interaction Log</title>
<link rel="stylesheet" href="/workbench/page.css">
</head>
<body>
<div id="workbench"><p>Loading the workbench…</p></div>
<script src="/workbench/page.js"></script>
</body>
</html>
`;
}
