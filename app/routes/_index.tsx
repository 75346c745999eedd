import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/utils/auth.server";

export const meta: MetaFunction = () => [{ title: "Home · Firsthand" }];

export function loader({ request }: LoaderFunctionArgs) {
  const user = requireUser(request);
  return { name: user.name, role: user.role };
}

export default function Home() {
  const { name, role } = useLoaderData<typeof loader>();
  return (
    <div className="stack-lg">
      <header className="page-header">
        <h1>Welcome, {name.split(" ")[0]}</h1>
        <p className="muted">
          Firsthand serves your customers&apos; own onboarding, unchanged, so you know the journey
          before you pitch it.
        </p>
      </header>
      <div className="card-grid">
        <Link to="/products" className="tile">
          <strong>Products</strong>
          <span>Browse every certification track.</span>
        </Link>
        {role === "manager" ? (
          <Link to="/team" className="tile">
            <strong>My team</strong>
            <span>See who is cleared to pitch what.</span>
          </Link>
        ) : null}
        {role === "admin" ? (
          <Link to="/admin/users" className="tile">
            <strong>People &amp; teams</strong>
            <span>Add people, set roles, disable accounts.</span>
          </Link>
        ) : null}
      </div>
    </div>
  );
}
