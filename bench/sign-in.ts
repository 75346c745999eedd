import { benchPassword } from "../scripts/bench-data";

/** Signs a generated person in; their session cookie, as a Cookie header value. */
export async function signIn(baseUrl: string, email: string) {
  const response = await fetch(`${baseUrl}/login`, {
    method: "POST",
    body: new URLSearchParams({ email, password: benchPassword }),
    redirect: "manual",
  });
  if (response.status !== 302) throw new Error(`Sign-in as ${email} failed: ${response.status}`);
  return response.headers.get("set-cookie")!.split(";")[0];
}
