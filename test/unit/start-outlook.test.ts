import { ALLOWED_PATH, allowedJson } from "../../scripts/start-outlook";

it("lists the send handler's JavaScript file at the well-known path classic Outlook reads", () => {
  expect(ALLOWED_PATH).toBe("/.well-known/microsoft-officeaddins-allowed.json");
  expect(JSON.parse(allowedJson("https://addin.contoso.com/"))).toEqual({
    allowed: ["https://addin.contoso.com/launchevent.js"],
  });
});
