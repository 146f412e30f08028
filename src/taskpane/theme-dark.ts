// Fluent's dark theme on its own, so that it can be a chunk of its own (see theme.ts).
export { webDarkTheme } from "@fluentui/react-components";
