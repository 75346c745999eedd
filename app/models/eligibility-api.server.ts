import type { z } from "zod";
import type { batchResult, eligibility } from "~/api/eligibility-schemas";
import type { User } from "#db/schema";
import type { Product } from "~/content/types";
import { getProduct } from "~/content/content.server";
import { getEnv } from "~/utils/env.server";
import { getStanding, type Standing } from "./certification.server";
import { describeEligibility } from "./eligibility.server";
import { getStandings } from "./standings.server";
import { getUserByEmail } from "./user.server";

type Check = { rep: string; product: string };
export type EligibilityAnswer = z.infer<typeof batchResult>;
export type Eligibility = z.infer<typeof eligibility>;

/** A rep's verdict on one product as the API, webhooks and reconcile give it. Reads only. */
export function getRepEligibility({
  user,
  product,
  now = new Date(),
}: {
  user: User;
  product: Product;
  now?: Date;
}): {
  answer: Eligibility;
  certificationId: string | null;
  refreshDeadline: string | null;
  standing: Standing;
} {
  return eligibilityFrom({
    user,
    product,
    standing: getStanding({ userId: user.id, product, now }),
  });
}

function eligibilityFrom({
  user,
  product,
  standing,
}: {
  user: User;
  product: Product;
  standing: Standing;
}) {
  const e = describeEligibility({ product, standing });
  const answer: Eligibility = {
    rep: user.email,
    product: product.slug,
    eligible: e.cleared && !user.disabled,
    status: e.status,
    certifiedAt: e.certifiedAt,
    expiresAt: e.expiresAt,
    refreshDueModules: e.modulesToRefresh,
    missingModules: e.missingModules,
    reasons: user.disabled ? ["This person's account is disabled.", ...e.reasons] : e.reasons,
    verifyUrl: e.certificationId ? `${getEnv().APP_URL}/verify/${e.certificationId}` : null,
  };
  return {
    answer,
    certificationId: e.certificationId,
    refreshDeadline: e.refreshDeadline,
    standing,
  };
}

type Refused = { rep: string; product: string; error: string };
type Asked = Refused | { user: User; product: Product };

async function resolveCheck({ rep, product: slug }: Check): Promise<Asked> {
  const user = getUserByEmail({ email: rep });
  if (!user || user.role !== "rep") return { rep, product: slug, error: "No rep has that email." };
  const product = await getProduct({ productSlug: slug });
  if (!product) return { rep, product: slug, error: "No product has that slug." };
  return { user, product };
}

/** What the API says of one rep and product: the same verdict the app's pages give. */
export async function answerEligibility(check: Check): Promise<EligibilityAnswer> {
  const asked = await resolveCheck(check);
  return "error" in asked ? asked : getRepEligibility(asked).answer;
}

/** The verdicts on many checks, in the order asked, from one read of each table for all of them. */
export async function answerEligibilities(checks: Check[]): Promise<EligibilityAnswer[]> {
  const asked = await Promise.all(checks.map(resolveCheck));
  const known = asked.filter((a): a is Exclude<Asked, Refused> => !("error" in a));
  const standings = getStandings({
    of: known.map(({ user, product }) => ({ userId: user.id, product })),
  });
  let next = 0;
  return asked.map((a) =>
    "error" in a ? a : eligibilityFrom({ ...a, standing: standings[next++] }).answer,
  );
}
