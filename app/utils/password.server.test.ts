import {
  generateOneTimePassword,
  hashPassword,
  passwordSchema,
  verifyPassword,
} from "./password.server";

test("passwords must be 8 to 128 characters", () => {
  expect(passwordSchema.safeParse("short").success).toBe(false);
  expect(passwordSchema.safeParse("12345678").success).toBe(true);
  expect(passwordSchema.safeParse("x".repeat(128)).success).toBe(true);
  expect(passwordSchema.safeParse("x".repeat(129)).success).toBe(false);
});

test("hashes are argon2id with at least OWASP's parameters and verify only the right password", async () => {
  const hash = await hashPassword("firsthand-demo");
  expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  expect(hash).not.toContain("firsthand-demo");
  expect(await verifyPassword({ hash, password: "firsthand-demo" })).toBe(true);
  expect(await verifyPassword({ hash, password: "firsthand-demO" })).toBe(false);
  expect(await verifyPassword({ hash: "not a hash", password: "x" })).toBe(false);
});

test("one-time passwords are long, random and valid passwords", () => {
  const a = generateOneTimePassword();
  expect(a).not.toBe(generateOneTimePassword());
  expect(passwordSchema.safeParse(a).success).toBe(true);
  expect(a).toMatch(/^[a-z2-9]{5}(-[a-z2-9]{5}){3}$/);
});
