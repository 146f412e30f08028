// The contact operations only the contact views use, in one module the facade imports on demand.
export { createPersonWithCompany } from "./contact-company";
export { linkEmail } from "./contact-links";
export { findContacts, searchContacts } from "./contact-search";
