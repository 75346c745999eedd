import { vitePlugin as remix } from "@remix-run/dev";
import { defineConfig } from "vite";
import tsconfigPaths from "vite-tsconfig-paths";
import remixConfig from "./remix.config.js";

export default defineConfig({
  plugins: [remix(remixConfig), tsconfigPaths()],
  server: { port: Number(process.env.PORT ?? 3000) },
  // Native server-only packages: keep the dev dependency scanner away from them.
  optimizeDeps: { exclude: ["@node-rs/argon2", "better-sqlite3", "esbuild", "mdx-bundler"] },
});
