import { makeStyles, tokens, typographyStyles } from "@fluentui/react-components";

export const useHistoryStyles = makeStyles({
  stats: {
    display: "grid",
    gridTemplateColumns: "repeat(3, 1fr)",
    columnGap: tokens.spacingHorizontalS,
    margin: 0,
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  stat: { display: "flex", flexDirection: "column", margin: 0 },
  statLabel: { ...typographyStyles.caption1, color: tokens.colorNeutralForeground3 },
  statValue: { ...typographyStyles.body1Strong, margin: 0 },
  caption: { ...typographyStyles.caption1, color: tokens.colorNeutralForeground3 },
  entry: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
    paddingBlock: tokens.spacingVerticalXS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  canceled: { textDecorationLine: "line-through", color: tokens.colorNeutralForeground3 },
  line: { display: "flex", alignItems: "center", flexWrap: "wrap", columnGap: tokens.spacingHorizontalXS },
  description: { ...typographyStyles.body1Strong, wordBreak: "break-word" },
  meta: { ...typographyStyles.caption1, color: tokens.colorNeutralForeground2 },
});
