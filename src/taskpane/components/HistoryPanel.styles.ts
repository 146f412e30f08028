import { makeStyles, tokens, typographyStyles } from "@fluentui/react-components";

export const useHistoryStyles = makeStyles({
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
