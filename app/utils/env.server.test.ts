import { parseEnv } from "./env.server";

test("defaults fill in a bare environment", () => {
  const env = parseEnv({});
  expect(env).toMatchObject({
    PORT: 3000,
    DATABASE_PATH: "./data/firsthand.db",
    CONTENT_DIR: "./content",
    APP_URL: "http://localhost:3000",
    SEED_DEMO: true,
  });
  expect(parseEnv({ PORT: "4000" }).APP_URL).toBe("http://localhost:4000");
});

test("a wrong value names the variable in one line", () => {
  expect(() => parseEnv({ PORT: "abc" })).toThrow(/^Invalid environment: PORT must be a number$/);
  expect(() => parseEnv({ PORT: "70000" })).toThrow(/PORT must be between 1 and 65535/);
  expect(() => parseEnv({ APP_URL: "nope" })).toThrow(/APP_URL must be a URL/);
  expect(() => parseEnv({ SEED_DEMO: "maybe" })).toThrow(/SEED_DEMO must be true or false/);
});
