import { z } from "zod";

const booleanish = z
  .enum(["true", "false", "1", "0", "yes", "no"], {
    errorMap: () => ({ message: "must be true or false" }),
  })
  .transform((v) => v === "true" || v === "1" || v === "yes");

const milliseconds = z.coerce
  .number({ invalid_type_error: "must be a number of milliseconds" })
  .int("must be a whole number of milliseconds")
  .min(1, "must be at least 1 millisecond");

const schema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    PORT: z.coerce
      .number({ invalid_type_error: "must be a number" })
      .int("must be a whole number")
      .min(1, "must be between 1 and 65535")
      .max(65535, "must be between 1 and 65535")
      .default(3000),
    DATABASE_PATH: z.string().min(1, "must not be empty").default("./data/firsthand.db"),
    CONTENT_DIR: z.string().min(1, "must not be empty").default("./content"),
    APP_URL: z.string().url("must be a URL such as http://localhost:3000").optional(),
    SEED_DEMO: booleanish.default("true"),
    /** First retry delay of a failed delivery; each later one doubles, up to an hour. */
    WEBHOOK_RETRY_BASE_MS: milliseconds.default(10000),
    OUTBOX_POLL_MS: milliseconds.default(1000),
    /** How often the clock's status changes (lapses, expiries, reminders) are looked for. */
    SWEEP_INTERVAL_MS: milliseconds.default(60000),
    XAPI_ENDPOINT: z.string().url("must be the LRS base URL").optional(),
    XAPI_USERNAME: z.string().default(""),
    XAPI_PASSWORD: z.string().default(""),
    SMTP_URL: z
      .string()
      .url("must be a URL such as smtp://user:pass@mail.example.com:587")
      .optional(),
    MAIL_FROM: z.string().min(3).default("Firsthand <firsthand@localhost>"),
  })
  .transform((env) => ({ ...env, APP_URL: env.APP_URL ?? `http://localhost:${env.PORT}` }));

export type Env = z.infer<typeof schema>;

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = schema.safeParse(source);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new EnvError(`Invalid environment: ${issue.path.join(".")} ${issue.message}`);
}

export class EnvError extends Error {}

let cached: Env | undefined;

/** The validated environment. A wrong value ends the process with one line naming the variable. */
export function getEnv(): Env {
  if (cached) return cached;
  try {
    cached = parseEnv(process.env);
  } catch (error) {
    if (!(error instanceof EnvError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
  return cached;
}
