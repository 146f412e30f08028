// Styles of the content views (issue 15), compiled ahead of time like every *.styles.ts (see webpack.config.js).
import { makeStyles, tokens } from "@fluentui/react-components";

export const useContentStyles = makeStyles({
  group: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
    padding: 0,
    border: "none",
  },
  legend: { padding: 0, fontWeight: tokens.fontWeightSemibold },
  kept: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
    paddingLeft: tokens.spacingHorizontalS,
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke2}`,
  },
  // The sender's line breaks are kept; the text is never interpreted as markup.
  excerpt: { whiteSpace: "pre-wrap", overflowWrap: "anywhere", margin: 0 },
});
