import { decodeChangeCursor, encodeChangeCursor } from "./change-cursor";

test("a cursor gives back the key it was made from, and is URL-safe", () => {
  const key = {
    changedAt: new Date("2025-03-01T12:00:00.123Z"),
    userId: "u1/é",
    productSlug: "crewline",
  };
  const cursor = encodeChangeCursor(key);
  expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
  expect(decodeChangeCursor(cursor)).toEqual(key);
});

test("anything the API did not hand out is refused", () => {
  const json = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
  for (const cursor of [
    "",
    "not a cursor",
    "%%%",
    Buffer.from("not json").toString("base64url"),
    json([1, 2]),
    json([-1, "u", "p"]),
    json([1.5, "u", "p"]),
    json([1, "", "p"]),
    json({ changedAt: 1, userId: "u", productSlug: "p" }),
    Buffer.from([0xff, 0xfe]).toString("base64url"),
    "A".repeat(601),
  ])
    expect(decodeChangeCursor(cursor), cursor).toBeNull();
});
