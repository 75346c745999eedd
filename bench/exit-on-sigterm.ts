// Loaded before the server when it is profiled: node writes a --cpu-prof profile only on a normal
// exit, and a signal's default action is not one.
process.on("SIGTERM", () => process.exit(0));
