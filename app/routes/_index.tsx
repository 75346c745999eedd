import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { AuthorNeeds } from "~/components/author-home";
import { CsmNeeds } from "~/components/csm-home";
import { RoleTiles } from "~/components/home-tiles";
import { ManagerHome } from "~/components/manager-home";
import { RepHome } from "~/components/rep-home";
import { loadCatalog } from "~/content/content.server";
import { getProductOverviews } from "~/models/dashboard.server";
import { getFrictionCountsFor } from "~/models/friction-inbox.server";
import {
  countFailedDeliveries,
  countRefreshesToRemind,
  getAuthorNeeds,
  getCsmNeeds,
} from "~/models/home-needs.server";
import { getManagerDashboard } from "~/models/manager-dashboard.server";
import readinessStyles from "~/styles/readiness.css?url";
import { requireUser } from "~/utils/auth.server";

export const meta: MetaFunction = () => [{ title: "Home · Firsthand" }];
export const links: LinksFunction = () => [{ rel: "stylesheet", href: readinessStyles }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = requireUser(request);
  const products = await loadCatalog();
  const base = { name: user.name };
  switch (user.role) {
    case "rep":
      return {
        ...base,
        home: "rep" as const,
        // Only what a card shows leaves the server: the reasons are on each product's page.
        overviews: getProductOverviews({ userId: user.id, products }).map(
          ({ eligibility, ...card }) => ({
            ...card,
            eligibility: {
              status: eligibility.status,
              cleared: eligibility.cleared,
              expiresAt: eligibility.expiresAt,
            },
          }),
        ),
      };
    case "manager":
    case "admin": {
      const dashboard = getManagerDashboard({ viewer: user, products });
      const friction = getFrictionCountsFor({ viewer: user, products });
      // A manager without a team has no reps to look after: nothing but the way around.
      if (!dashboard || !friction) return { ...base, home: "tiles" as const, role: user.role };
      return {
        ...base,
        home: "manager" as const,
        role: user.role,
        dashboard,
        friction,
        needs: {
          refreshesToRemind: countRefreshesToRemind({ viewer: user }),
          failedDeliveries: user.role === "admin" ? countFailedDeliveries() : null,
        },
      };
    }
    case "author":
      return {
        ...base,
        home: "author" as const,
        role: user.role,
        needs: getAuthorNeeds({ products }),
      };
    case "csm":
      return {
        ...base,
        home: "csm" as const,
        role: user.role,
        needs: getCsmNeeds({ viewer: user, products }),
      };
  }
}

export default function Home() {
  const data = useLoaderData<typeof loader>();
  return (
    <div className="stack-lg">
      <header className="page-header">
        <h1>Welcome, {data.name.split(" ")[0]}</h1>
        <p className="muted">
          Firsthand serves your customers&apos; own onboarding, unchanged, so you know the journey
          before you pitch it.
        </p>
      </header>
      {data.home === "rep" ? <RepHome overviews={data.overviews} /> : null}
      {data.home === "manager" ? (
        <ManagerHome dashboard={data.dashboard} friction={data.friction} needs={data.needs} />
      ) : null}
      {data.home === "author" ? <AuthorNeeds needs={data.needs} /> : null}
      {data.home === "csm" ? <CsmNeeds needs={data.needs} /> : null}
      {data.home !== "rep" ? <RoleTiles role={data.role} /> : null}
    </div>
  );
}
