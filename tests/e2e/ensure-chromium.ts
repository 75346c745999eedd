import { execSync } from "node:child_process";
import fs from "node:fs";
import { chromiumPath, installCommand } from "./chromium-path";

if (!fs.existsSync(chromiumPath)) {
  if (process.getuid?.() !== 0) {
    console.error(
      `Chromium is missing at ${chromiumPath}. Install it with:\n  sudo ${installCommand}`,
    );
    process.exit(1);
  }
  console.log(`Chromium is missing at ${chromiumPath}; installing it with: ${installCommand}`);
  execSync(`apt-get update && ${installCommand}`, { stdio: "inherit" });
}
