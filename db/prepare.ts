import { getCompileStats, loadCatalog } from "~/content/content.server";
import { backfillRepStatuses } from "~/models/rep-status.server";
import { getDb } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { isDatabaseEmpty, seedDemoOrganisation } from "./seed";
import { seedDemoActivity } from "./seed-activity";
import { seedDemoHandoffs } from "./seed-handoffs";

/**
 * Applies migrations (on open), compiles the content so the first request does not wait for it,
 * and seeds the demo organisation into an empty database.
 */
export async function prepareDatabase({
  seedDemo = getEnv().SEED_DEMO,
}: { seedDemo?: boolean } = {}) {
  getDb();
  const seed = seedDemo && isDatabaseEmpty();
  const products = await warmContent();
  if (seed) {
    await seedDemoOrganisation();
    await seedDemoActivity();
    await seedDemoHandoffs();
  }
  const started = Date.now();
  const recorded = await backfillRepStatuses({ products });
  if (recorded) {
    console.log(`Readiness: ${recorded} rep standings recorded (${Date.now() - started} ms).`);
  }
}

async function warmContent() {
  const started = Date.now();
  const tty = process.stdout.isTTY;
  const products = await loadCatalog({
    onProgress: ({ index, total, file }) => {
      if (tty) process.stdout.write(`\r\x1b[KPreparing content [${index}/${total}] ${file}`);
      // Without a terminal, a line every tenth of the way.
      else if (index === total || index % Math.max(Math.ceil(total / 10), 1) === 0) {
        console.log(`Preparing content [${index}/${total}]`);
      }
    },
  });
  if (tty) process.stdout.write("\r\x1b[K");
  const modules = products.reduce((n, p) => n + p.modules.length, 0);
  const { compiled, cacheHits } = getCompileStats();
  console.log(
    `Content ready: ${products.length} products, ${modules} modules; ` +
      `${compiled} compiled, ${cacheHits} from cache (${Date.now() - started} ms).`,
  );
  return products;
}

if (import.meta.url === `file://${process.argv[1]}`) await prepareDatabase();
