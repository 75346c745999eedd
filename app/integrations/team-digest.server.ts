import type { Team } from "#db/schema";
import { getLoadedCatalog } from "~/content/content.server";
import { getStanding } from "~/models/certification.server";
import { describeEligibility } from "~/models/eligibility.server";
import { listTeamMembers } from "~/models/user.server";
import { summarizeTeam, type DigestStanding, type TeamDigest } from "./team-digest";

/**
 * The team's standing on every product, as the team page shows it. Null when there is nothing to
 * report: no active reps, or no catalogue loaded yet in this process.
 */
export function getTeamDigest({
  team,
  now = new Date(),
}: {
  team: Team;
  now?: Date;
}): TeamDigest | null {
  const reps = listTeamMembers({ teamId: team.id }).filter((u) => u.role === "rep" && !u.disabled);
  const products = getLoadedCatalog();
  if (!reps.length || !products.length) return null;
  const standings: DigestStanding[] = reps.flatMap((rep) =>
    products.map((product) => {
      const eligibility = describeEligibility({
        product,
        standing: getStanding({ userId: rep.id, product, now }),
      });
      return {
        repName: rep.name,
        productSlug: product.slug,
        productName: product.name,
        status: eligibility.status,
        refreshDeadline: eligibility.refreshDeadline,
      };
    }),
  );
  return summarizeTeam({ products, standings });
}
