import type {
  ActionFunctionArgs,
  HeadersFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { getUser, safeRedirect } from "~/utils/auth.server";
import { formFields, parseFormFields, requireFormData } from "~/utils/form.server";
import { serializeSessionCookie } from "~/utils/session-cookie.server";
import { signIn } from "~/utils/sign-in.server";

export const headers: HeadersFunction = ({ actionHeaders }) => actionHeaders;

export const meta: MetaFunction = () => [{ title: "Sign in · Firsthand" }];

const formSchema = z.object({
  email: z
    .string()
    .trim()
    .min(1, "Enter your email.")
    .max(254, "Enter a valid email address.")
    .email("Enter a valid email address."),
  // argon2 hashes whatever it gets, so an unbounded password would be a cheap way to burn CPU.
  password: z.string().min(1, "Enter your password.").max(1024, "That password is too long."),
  // safeRedirect turns anything unusable, an over-long target included, into "/".
  redirectTo: z.string().optional(),
});

export function loader({ request }: LoaderFunctionArgs) {
  if (getUser(request)) throw redirect("/");
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const parsed = parseFormFields(formSchema, formFields(await requireFormData(request)));
  if (!parsed.ok) return data({ error: parsed.message }, { status: 400 });
  const { email, password, redirectTo } = parsed.data;
  const result = await signIn({ email, password, ip: context?.clientIp ?? null });
  if (!result.ok) {
    const headers = result.retryAt
      ? { "Retry-After": String(Math.ceil((result.retryAt.getTime() - Date.now()) / 1000)) }
      : undefined;
    return data({ error: result.message }, { status: result.status, headers });
  }
  return redirect(safeRedirect(redirectTo), {
    headers: { "Set-Cookie": serializeSessionCookie(result.token) },
  });
}

export default function Login() {
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const submitting = useNavigation().state === "submitting";
  return (
    <section className="auth-card" aria-labelledby="login-title">
      <h1 id="login-title">Sign in to Firsthand</h1>
      <p className="muted">Walk the customer&apos;s journey before you sell it.</p>
      <Form method="post" className="stack">
        <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? "/"} />
        <div className="field">
          <label htmlFor="email">Email</label>
          <input id="email" name="email" type="email" autoComplete="email" required autoFocus />
        </div>
        <div className="field">
          <label htmlFor="password">Password</label>
          <input
            id="password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            maxLength={128}
          />
        </div>
        {actionData?.error ? (
          <p className="form-error" role="alert">
            {actionData.error}
          </p>
        ) : null}
        <button type="submit" className="button button-primary" disabled={submitting}>
          {submitting ? "Signing in…" : "Sign in"}
        </button>
      </Form>
    </section>
  );
}
