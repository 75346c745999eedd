import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { getSession } from "~/utils/auth.server";
import { serializeBlankSessionCookie } from "~/utils/session-cookie.server";
import { invalidateSession } from "~/utils/session.server";

export function action({ request }: ActionFunctionArgs) {
  const current = getSession(request);
  if (current) invalidateSession({ sessionId: current.session.id });
  return redirect("/login", { headers: { "Set-Cookie": serializeBlankSessionCookie() } });
}

export function loader() {
  return redirect("/");
}
