import { expect, test as setup } from "@playwright/test";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "@/lib/demo/accounts";
import { authStateFile } from "../auth-state";

// Every demo account signs in once through the real sign-in handler; journeys reuse the cookies.
for (const account of DEMO_ACCOUNTS) {
  setup(`sign in as ${account.username}`, async ({ request }) => {
    const response = await request.post("/auth/sign-in", { form: { username: account.username, password: DEMO_PASSWORD }, maxRedirects: 0 });
    expect(response.status()).toBe(303);
    expect(response.headers()["set-cookie"]).toMatch(/HttpOnly/);
    await request.storageState({ path: authStateFile(account.username) });
  });
}
