// Linking an address to an existing contact as its Email2, so that the next mail from it matches that contact.
// Email2 has no unique index, so the store guards it: a read of every holder of the address first, the write
// with the contact's eTag (a contact changed meanwhile is refused, nothing is overwritten), and a read after
// the write that undoes ours when a racing writer gave the same address to another contact first.
import { StoreError } from "../../domain/errors";
import { isValidEmail, normalizeEmail } from "../../domain/matching";
import type { Contact } from "../../domain/types";
import { COL } from "../schema";
import { contactByNo, contactsWhere } from "../repositories/contacts";
import type { StoreCore } from "./store-core";

/** Every contact holding the address (as Email or Email2), and the contact as stored now, in one $batch. */
async function holders(core: StoreCore, address: string, contactNo: string) {
  const answers = await core.run(
    [
      await core.contacts.listStep("email", contactsWhere("Email", [address])!),
      await core.contacts.listStep("email2", contactsWhere("Email2", [address])!),
      await core.contacts.listStep("self", contactByNo(contactNo)),
    ],
    true,
  );
  const byNo = new Map<string, Contact>();
  for (const id of ["email", "email2"])
    for (const k of core.contacts.pageFromStep(answers.get(id)).items) byNo.set(k.contactNo, k);
  return { holders: [...byNo.values()], self: core.contacts.pageFromStep(answers.get("self")).items[0] };
}

const itemNo = (k: Contact): number => Number(k.id ?? Number.MAX_SAFE_INTEGER);

export async function linkEmail(core: StoreCore, contact: Contact, raw: string): Promise<Contact> {
  if (!isValidEmail(raw))
    throw new StoreError("invalid", `Not an e-mail address: ${raw}`, { code: "invalidEmail" });
  const address = normalizeEmail(raw);
  const before = await holders(core, address, contact.contactNo);
  const self = before.self;
  if (!self?.id) throw new StoreError("notFound", `The contact ${contact.contactNo} no longer exists`);
  if (self.email === address || self.email2 === address) return self;
  const other = before.holders.find((k) => k.contactNo !== self.contactNo);
  if (other)
    throw new StoreError("conflict", `${address} already belongs to ${other.name} (${other.contactNo})`, {
      code: "emailTaken",
    });
  if (self.email2)
    throw new StoreError("conflict", `${self.name} already has a second address (${self.email2})`, {
      code: "email2Taken",
    });
  // The eTag the user saw, when the pane read the contact; else the one just read.
  const eTag = contact.eTag ?? self.eTag;
  try {
    await core.contacts.update(self.id, { [COL.contacts.email2]: address }, eTag);
  } catch (e) {
    if (e instanceof StoreError && e.kind === "conflict")
      throw new StoreError("conflict", `${self.name} was changed meanwhile; look the contact up again`, {
        ...e.details,
        code: "changed",
      });
    throw e;
  }
  const after = await holders(core, address, contact.contactNo);
  const mine = after.self;
  // Another writer linked the same address to another contact at the same time: the lowest item id keeps it.
  const rival = after.holders.find((k) => k.contactNo !== self.contactNo && itemNo(k) < itemNo(self));
  if (rival && mine?.id && mine.email2 === address) {
    await core.contacts.update(mine.id, { [COL.contacts.email2]: null }, mine.eTag);
    throw new StoreError("conflict", `${address} already belongs to ${rival.name} (${rival.contactNo})`, {
      code: "emailTaken",
    });
  }
  return mine ?? { ...self, email2: address };
}
