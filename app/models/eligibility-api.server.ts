import type { z } from "zod";
import type { batchResult, eligibility } from "~/api/eligibility-schemas";
import type { User } from "#db/schema";
import type { Product } from "~/content/types";
import { getProduct } from "~/content/content.server";
import { getEnv } from "~/utils/env.server";
import { getStanding, type Standing } from "./certification.server";
import { describeEligibility } from "./eligibility.server";
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
  const standing = getStanding({ userId: user.id, product, now });
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

/** What the API says of one rep and product: the same verdict the app's pages give. */
export async function answerEligibility({ rep, product: slug }: Check): Promise<EligibilityAnswer> {
  const user = getUserByEmail({ email: rep });
  if (!user || user.role !== "rep") return { rep, product: slug, error: "No rep has that email." };
  const product = await getProduct({ productSlug: slug });
  if (!product) return { rep, product: slug, error: "No product has that slug." };
  return getRepEligibility({ user, product }).answer;
}
