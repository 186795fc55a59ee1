/** Reading the caller from the claims API Gateway's JWT authoriser verified, and checking a route's roles. */
import { describe, expect, it } from "vitest";
import { authorisedCaller, callerOf } from "#adapters/aws/caller.ts";

const event = (claims: Record<string, string | string[]> | undefined) => ({ requestContext: { authorizer: claims === undefined ? undefined : { jwt: { claims } } } });
const staff = { sub: "5b2f", "cognito:username": "can-bo", "cognito:groups": "[staff]", "custom:unitId": "ninh-binh-kv-7" };

describe("callerOf", () => {
  it("reads the user name, the one role group and its unit or court; never the other attribute", () => {
    expect(callerOf(event(staff))).toEqual({ id: "can-bo", role: "staff", unitId: "ninh-binh-kv-7" });
    expect(callerOf(event({ ...staff, "cognito:groups": "[court]", "custom:courtId": "tand-binh-luc" }))).toEqual({ id: "can-bo", role: "court", courtId: "tand-binh-luc" });
    expect(callerOf(event({ ...staff, "cognito:groups": "[leader]" }))).toEqual({ id: "can-bo", role: "leader" });
  });

  it("reads groups as API Gateway flattens them ([a b]) and as the token holds them (a list), ignoring groups that are no role", () => {
    expect(callerOf(event({ ...staff, "cognito:groups": "[ho-tro staff]" })).role).toBe("staff");
    expect(callerOf(event({ ...staff, "cognito:groups": ["staff"] })).role).toBe("staff");
  });

  it.each([
    ["no claims at all", undefined, "request.no-identity"],
    ["no user name", { ...staff, "cognito:username": "" }, "request.no-identity"],
    ["no group", { ...staff, "cognito:groups": "[]" }, "request.no-role"],
    ["two role groups", { ...staff, "cognito:groups": "[staff leader]" }, "request.no-role"],
    ["staff without a unit", { ...staff, "custom:unitId": " " }, "request.no-role"],
    ["a court without a court id", { ...staff, "cognito:groups": "[court]" }, "request.no-role"],
  ])("refuses %s (403)", (_, claims, code) => {
    expect(() => callerOf(event(claims))).toThrow(expect.objectContaining({ name: "ForbiddenError", code }));
  });
});

describe("authorisedCaller", () => {
  it("lets a caller of one of the route's roles through and refuses any other, naming its role in Vietnamese", () => {
    expect(authorisedCaller(event(staff), ["staff", "leader"]).id).toBe("can-bo");
    expect(() => authorisedCaller(event({ ...staff, "cognito:groups": "[leader]" }), ["staff"])).toThrow("Tài khoản lãnh đạo không được dùng chức năng này");
    expect(() => authorisedCaller(event(staff), [])).toThrow(expect.objectContaining({ code: "request.role-refused" }));
  });
});
