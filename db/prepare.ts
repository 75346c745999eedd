import { getDb } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { isDatabaseEmpty, seedDemoOrganisation } from "./seed";

/** Applies migrations (on open) and seeds the demo organisation into an empty database. */
export async function prepareDatabase() {
  const env = getEnv();
  getDb();
  if (env.SEED_DEMO && isDatabaseEmpty()) await seedDemoOrganisation();
}

if (import.meta.url === `file://${process.argv[1]}`) await prepareDatabase();
