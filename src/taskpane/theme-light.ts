// Fluent's light theme on its own, so that it can be a chunk of its own (see theme.ts).
export { webLightTheme } from "@fluentui/react-components";
