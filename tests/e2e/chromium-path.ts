export const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const installCommand = "apt-get install -y chromium";
