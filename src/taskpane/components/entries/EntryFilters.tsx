// Filters of the entries view: date range, interaction group, template, include canceled (off by default).
import { Checkbox, Field, Input, Select } from "@fluentui/react-components";
import { useId } from "react";
import type { InteractionGroup, InteractionTemplate } from "../../../domain/types";
import { useI18n } from "../../i18n";
import type { FilterValues } from "../../model/entry-filter-values";
import { useEntriesStyles } from "./EntriesView.styles";

export interface EntryFiltersProps {
  values: FilterValues;
  templates: InteractionTemplate[];
  groups: InteractionGroup[];
  onChange(values: FilterValues): void;
  /** Delete canceled entries has no "include canceled": it only ever touches canceled entries. */
  showIncludeCanceled?: boolean;
}

export function EntryFilters({
  values,
  templates,
  groups,
  onChange,
  showIncludeCanceled = true,
}: EntryFiltersProps) {
  const i18n = useI18n();
  const styles = useEntriesStyles();
  const legendId = useId();
  const set = <K extends keyof FilterValues>(k: K, v: FilterValues[K]) => onChange({ ...values, [k]: v });
  return (
    <fieldset className={styles.filters} aria-labelledby={legendId}>
      <legend id={legendId} className={styles.legend}>
        {i18n.t("filtersHeading")}
      </legend>
      <Field className={styles.cell} label={i18n.t("filterFrom")}>
        <Input
          className={styles.control}
          type="date"
          value={values.from}
          onChange={(_, d) => set("from", d.value)}
        />
      </Field>
      <Field className={styles.cell} label={i18n.t("filterTo")}>
        <Input
          className={styles.control}
          type="date"
          value={values.to}
          onChange={(_, d) => set("to", d.value)}
        />
      </Field>
      <Field className={styles.wide} label={i18n.t("filterGroup")}>
        <Select value={values.groupCode} onChange={(_, d) => set("groupCode", d.value)}>
          <option value="">{i18n.t("filterAll")}</option>
          {groups.map((g) => (
            <option key={g.code} value={g.code}>
              {g.description ? `${g.description} (${g.code})` : g.code}
            </option>
          ))}
        </Select>
      </Field>
      <Field className={styles.wide} label={i18n.t("template")}>
        <Select value={values.templateCode} onChange={(_, d) => set("templateCode", d.value)}>
          <option value="">{i18n.t("filterAll")}</option>
          {templates
            .filter((t) => !values.groupCode || t.groupCode === values.groupCode)
            .map((t) => (
              <option key={t.code} value={t.code}>
                {t.description ? `${t.description} (${t.code})` : t.code}
              </option>
            ))}
        </Select>
      </Field>
      {showIncludeCanceled && (
        <Checkbox
          className={styles.wide}
          checked={values.includeCanceled}
          onChange={(_, d) => set("includeCanceled", d.checked === true)}
          label={i18n.t("filterIncludeCanceled")}
        />
      )}
    </fieldset>
  );
}
