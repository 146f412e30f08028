// The emulator's data model. Everything a mutation needs to be replayed is stored in these records, so the journal
// can rebuild the exact state (ids, eTags, timestamps, authors) after a restart.

export type ColumnType = "text" | "note" | "number" | "boolean" | "dateTime" | "choice";

export interface ColumnDef {
  id: string;
  name: string;
  displayName: string;
  description: string;
  type: ColumnType;
  indexed: boolean;
  enforceUniqueValues: boolean;
  required: boolean;
  readOnly: boolean;
  hidden: boolean;
  /** Built-in SharePoint columns (Title, Created, ...) keep their place but cannot be redefined. */
  builtIn: boolean;
  choices?: string[];
  maxLength?: number;
}

export interface Identity {
  email: string;
  displayName: string;
}

/** Field values as stored: strings, finite numbers, booleans; dateTime as ISO text without milliseconds. */
export type FieldValue = string | number | boolean | null;

export interface ItemRecord {
  id: number;
  /** Unique id behind the eTag; the eTag is `"{guid},{version}"`. */
  guid: string;
  version: number;
  created: string;
  modified: string;
  createdBy: Identity;
  modifiedBy: Identity;
  /** List-wide change sequence of the last write, for delta. */
  changeSeq: number;
  fields: Record<string, FieldValue>;
}

export interface SiteRecord {
  id: string;
  hostname: string;
  path: string;
  displayName: string;
  created: string;
}

export interface ListMeta {
  id: string;
  siteId: string;
  displayName: string;
  name: string;
  description: string;
  template: string;
  created: string;
  modified: string;
  createdBy: Identity;
}

export const SYSTEM_IDENTITY: Identity = { email: "system@emulator.local", displayName: "System Account" };

/** Columns every genericList has. Created/Modified are set by the server and can be indexed like any column. */
export function builtInColumns(): ColumnDef[] {
  const base = {
    description: "",
    indexed: false,
    enforceUniqueValues: false,
    required: false,
    readOnly: true,
    hidden: false,
    builtIn: true,
  };
  return [
    {
      ...base,
      id: "fa564e0f-0c70-4ab9-b863-0177e6ddd247",
      name: "Title",
      displayName: "Title",
      type: "text",
      readOnly: false,
      maxLength: 255,
    },
    {
      ...base,
      id: "1d22ea11-1e32-424e-89ab-9fedbadb6ce1",
      name: "ID",
      displayName: "ID",
      type: "number",
      indexed: true,
    },
    {
      ...base,
      id: "8c06beca-0777-48f7-91c7-6da68bc07b69",
      name: "Created",
      displayName: "Created",
      type: "dateTime",
    },
    {
      ...base,
      id: "28cf69c5-fa48-462a-b5cd-27b6f9d2bd5f",
      name: "Modified",
      displayName: "Modified",
      type: "dateTime",
    },
    {
      ...base,
      id: "c042a256-787d-4a6f-8a8a-cf6ab767f12d",
      name: "ContentType",
      displayName: "Content Type",
      type: "text",
    },
  ];
}
