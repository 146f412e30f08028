// The entries view's filter controls as text, and the EntryFilter / DeleteCanceledFilter they stand for. Date
// inputs give "YYYY-MM-DD": the whole day where the user is (rows show local times), sent to the store as the
// instants it starts and ends at; anything else is left out.
import type { DeleteCanceledFilter, EntryFilter, EntryScope } from "../../domain/ports";
import type { InteractionLogEntry, Contact } from "../../domain/types";

export interface FilterValues {
  from: string;
  to: string;
  groupCode: string;
  templateCode: string;
  includeCanceled: boolean;
}

export const EMPTY_FILTER: FilterValues = {
  from: "",
  to: "",
  groupCode: "",
  templateCode: "",
  includeCanceled: false,
};

const BARE_DATE = /^\d{4}-\d{2}-\d{2}$/;
const validDate = (s: string) => BARE_DATE.test(s) && Number.isFinite(Date.parse(s));

function localDay(s: string, offsetDays: number): Date {
  const [y, m, d] = s.split("-").map(Number) as [number, number, number];
  const day = new Date(y, m - 1, d + offsetDays);
  // Years below 100 would be read as 19xx by the constructor.
  day.setFullYear(y, m - 1, d + offsetDays);
  return day;
}

/** The first instant of the user's local day. */
export function localDayStart(s: string): string {
  return localDay(s, 0).toISOString();
}

/** The last millisecond of the user's local day (a day of 23 or 25 hours included). */
export function localDayEnd(s: string): string {
  return new Date(localDay(s, 1).getTime() - 1).toISOString();
}

function dateBounds(v: { from: string; to: string }): { from?: string; to?: string } {
  return {
    ...(validDate(v.from) ? { from: localDayStart(v.from) } : {}),
    ...(validDate(v.to) ? { to: localDayEnd(v.to) } : {}),
  };
}

export function toEntryFilter(scope: EntryScope, v: FilterValues): EntryFilter {
  return {
    scope,
    ...dateBounds(v),
    ...(v.groupCode ? { groupCode: v.groupCode } : {}),
    ...(v.templateCode ? { templateCode: v.templateCode } : {}),
    ...(v.includeCanceled ? { includeCanceled: true } : {}),
  };
}

export interface DeleteFilterValues {
  contactNo: string;
  /** A company's number when its persons' entries are included (the company's view shows them too). */
  withPersonsOf?: string;
  from: string;
  to: string;
  groupCode: string;
  templateCode: string;
}

export function toDeleteFilter(v: DeleteFilterValues): DeleteCanceledFilter {
  const no = v.contactNo.trim();
  // The company in view, with its persons: only while the contact filter still names that company.
  const company = v.withPersonsOf && no.toUpperCase() === v.withPersonsOf.trim().toUpperCase();
  return {
    ...(no ? (company ? { companyNo: no } : { contactNo: no }) : {}),
    ...dateBounds(v),
    ...(v.groupCode ? { groupCode: v.groupCode } : {}),
    ...(v.templateCode ? { templateCode: v.templateCode } : {}),
  };
}

/** The contact an entry was logged for, as the log form needs it (for a follow-up). */
export function contactOfEntry(e: InteractionLogEntry): Contact {
  const isCompany = Boolean(e.contactCompanyNo) && e.contactCompanyNo === e.contactNo;
  return {
    contactNo: e.contactNo,
    type: isCompany ? "Company" : "Person",
    name: e.contactName || e.contactNo,
    ...(!isCompany && e.contactCompanyNo ? { companyNo: e.contactCompanyNo } : {}),
  };
}
