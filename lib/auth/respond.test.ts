import { describe, expect, it } from "vitest";
import { seeOther } from "./respond";

describe("seeOther", () => {
  const request = new Request("http://app.local/auth/sign-in", { method: "POST", headers: { host: "app.local", "x-forwarded-host": "evil.example" } });

  it("answers with a relative Location that no Host or X-Forwarded-Host can point elsewhere", () => {
    const response = seeOther("/login?signedOut=1", request);
    expect([response.status, response.headers.get("location")]).toEqual([303, "/login?signedOut=1"]);
  });

  it("sends a path that is not this site's home", () => {
    for (const path of ["//evil.example/x", "/\\evil.example", "https://evil.example/", "login"]) {
      expect(seeOther(path, request).headers.get("location"), path).toBe("/");
    }
  });
});
