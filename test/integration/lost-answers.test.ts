// Answers lost after the server applied a write: the store must recognise its own earlier write instead of
// writing again. The answer is replaced by a 503 after the real request went through (a gateway that timed out
// after SharePoint committed), which the SDK's retry handler then retries.
import { seedEmulator } from "../../dev/seed/seed";
import { loseFirstAnswer, startTestEmulator, storeFor, USER, type TestEmulator } from "./harness";

let emu: TestEmulator;

beforeAll(async () => {
  emu = await startTestEmulator();
  await seedEmulator({ baseUrl: emu.url, user: USER });
});
afterAll(async () => emu?.dispose());

it("creates a contact once when the create's answer was lost and the SDK retried it", async () => {
  const store = storeFor(emu.url);
  await store.searchContacts("CT000001"); // provisioned and warm: the next POST is the create
  const probe = loseFirstAnswer(
    (url, method) => method === "POST" && url.includes("/lists/Contacts/items"),
    async () =>
      new Response(JSON.stringify({ error: { code: "serviceNotAvailable", message: "gateway timeout" } }), {
        status: 503,
        headers: { "Content-Type": "application/json", "Retry-After": "0" },
      }),
  );
  const created = await store
    .createContact({ type: "Person", name: "Lena Berg", email: "lena.berg@fabrikam.example" })
    .finally(probe.restore);
  expect(probe.lost()).toBe(1);
  expect(created).toMatchObject({ name: "Lena Berg", email: "lena.berg@fabrikam.example" });

  const found = await store.searchContacts("lena.berg@fabrikam.example");
  expect(found.map((c) => c.contactNo)).toEqual([created.contactNo]);
});
