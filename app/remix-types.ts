import "@remix-run/node";

declare module "@remix-run/node" {
  interface AppLoadContext {
    clientIp: string | null;
  }
  interface Future {
    v3_singleFetch: true;
  }
}
