import { makeStyles, tokens, typographyStyles } from "@fluentui/react-components";

export const useTotalsStyles = makeStyles({
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
  label: { ...typographyStyles.caption1, color: tokens.colorNeutralForeground2 },
  value: { ...typographyStyles.body1Strong, margin: 0 },
  counting: {
    ...typographyStyles.caption1,
    display: "flex",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
    color: tokens.colorNeutralForeground2,
  },
});
