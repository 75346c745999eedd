export const demoPassword = "firsthand-demo";

/** Signs in over plain HTTP, as the login form does, and returns the Cookie header. */
export async function signIn({
  baseUrl,
  email,
  password = demoPassword,
}: {
  baseUrl: string;
  email: string;
  password?: string;
}): Promise<string> {
  const response = await fetch(`${baseUrl}/login`, {
    method: "POST",
    body: new URLSearchParams({ email, password }),
    redirect: "manual",
  });
  await response.arrayBuffer();
  if (response.status !== 302) throw new Error(`Sign-in as ${email} failed: ${response.status}`);
  return response.headers.get("set-cookie")!.split(";")[0];
}

export type FormReply = { status: number; body: string };

/**
 * POSTs a module page's form. `data: true` is what the page sends with JavaScript (Remix's
 * single-fetch `.data` request); without it, what a browser without JavaScript sends.
 */
export async function postModuleForm({
  baseUrl,
  cookie,
  productSlug,
  moduleSlug,
  fields,
  data = true,
}: {
  baseUrl: string;
  cookie: string;
  productSlug: string;
  moduleSlug: string;
  fields: [string, string][];
  data?: boolean;
}): Promise<FormReply> {
  const response = await fetch(
    `${baseUrl}/products/${productSlug}/${moduleSlug}${data ? ".data" : ""}`,
    { method: "POST", headers: { cookie }, body: new URLSearchParams(fields), redirect: "manual" },
  );
  return { status: response.status, body: await response.text() };
}
