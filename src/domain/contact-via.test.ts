import { contactVia } from "./contact-via";
import { mail } from "./test-fixtures";
import type { Contact, Participant } from "./types";

const robin: Contact = { contactNo: "CT1", type: "Person", name: "Robin", email: "robin@adatum.example" };
const alt: Contact = {
  contactNo: "CT2",
  type: "Person",
  name: "Kim",
  email: "kim@a.example",
  email2: "kim@home.example",
};
const adatum: Contact = { contactNo: "CT9", type: "Company", name: "Adatum", domain: "adatum.example" };
const p = (address: string): Participant => ({ address, displayName: address, role: "to" });

describe("contactVia", () => {
  it("is empty without a correspondence (a manual log)", () => {
    expect(contactVia(undefined, [robin])).toEqual({});
  });

  it("maps a person by its address, case-insensitively, and by Email2", () => {
    const c = mail({ participants: [p("Robin@ADATUM.example"), p("KIM@home.example")] });
    expect(contactVia(c, [robin, alt])).toEqual({ "robin@adatum.example": "CT1", "kim@home.example": "CT2" });
  });

  it("prefers the person over its company for the same address", () => {
    const c = mail({ participants: [p("robin@adatum.example")] });
    expect(contactVia(c, [adatum, robin])).toEqual({ "robin@adatum.example": "CT1" });
  });

  it("prefers the person even over a company listed first with the same address as its Email", () => {
    const c = mail({ participants: [p("robin@adatum.example")] });
    const sameAddress: Contact = { ...adatum, email: "robin@adatum.example" };
    expect(contactVia(c, [sameAddress, robin])).toEqual({ "robin@adatum.example": "CT1" });
  });

  it("never reaches a person by a domain, only a company", () => {
    const c = mail({ participants: [p("someone@adatum.example")] });
    const withDomain: Contact = { ...robin, domain: "adatum.example" };
    expect(contactVia(c, [withDomain])).toEqual({});
    expect(contactVia(c, [withDomain, adatum])).toEqual({ "someone@adatum.example": "CT9" });
  });

  it("reaches a company by a sub-domain and names it once, for the first address", () => {
    const c = mail({ participants: [p("a@mail.adatum.example"), p("b@adatum.example")] });
    expect(contactVia(c, [adatum])).toEqual({ "a@mail.adatum.example": "CT9" });
  });

  it("ignores addresses that reached nobody in the list", () => {
    const c = mail({ participants: [p("x@other.example")] });
    expect(contactVia(c, [robin, adatum])).toEqual({});
  });
});
