import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import type { ReactNode } from "react";
import { AppShell } from "~/components/app-shell";
import appStyles from "~/styles/app.css?url";
import { countOpenFrictionFlags } from "~/models/friction.server";
import { countHandoffsNeedingMove } from "~/models/handoff.server";
import { getUser } from "~/utils/auth.server";
import { useNonce } from "~/utils/nonce";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: appStyles },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = () => [{ title: "Firsthand" }];

export function loader({ request }: LoaderFunctionArgs) {
  const user = getUser(request);
  if (!user) return { user: null };
  const waiting =
    user.role === "rep" || user.role === "csm" ? countHandoffsNeedingMove({ userId: user.id }) : 0;
  const unanswered = user.role === "author" ? countOpenFrictionFlags() : 0;
  return {
    user: {
      name: user.name,
      email: user.email,
      role: user.role,
      inbox: { "/handoffs": waiting, "/friction": unanswered },
    },
  };
}

export function Layout({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<typeof loader>("root");
  const nonce = useNonce();
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <AppShell user={data?.user ?? null}>{children}</AppShell>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  if (isRouteErrorResponse(error)) {
    const title =
      error.status === 404
        ? "Page not found"
        : error.status === 403
          ? "You do not have access to this page"
          : `Something went wrong (${error.status})`;
    const detail =
      error.status === 404
        ? "The page you asked for does not exist, or you cannot see it."
        : typeof error.data === "string" && error.data.length < 300
          ? error.status === 403
            ? `${error.data} If your work needs it, ask an admin to change your role.`
            : error.data
          : "Please try again.";
    return <ErrorPage status={error.status} title={title} detail={detail} />;
  }
  // Never show a stack trace: the server logs it.
  return (
    <ErrorPage
      status={500}
      title="Something went wrong"
      detail="We could not show this page. The error has been logged; please try again."
    />
  );
}

function ErrorPage({ status, title, detail }: { status: number; title: string; detail: string }) {
  return (
    <section className="error-page" aria-labelledby="error-title">
      <p className="error-status">{status}</p>
      <h1 id="error-title">{title}</h1>
      <p>{detail}</p>
      <a className="button" href="/">
        Back to home
      </a>
    </section>
  );
}
