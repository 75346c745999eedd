import type { LoaderFunctionArgs } from "@remix-run/node";
import { productAssetResponse } from "~/content/product-asset.server";
import { requireUser } from "~/utils/auth.server";

/**
 * Images and files referenced by modules, at the URLs the compiler rewrote them to. Signed-in only,
 * like the modules themselves, so browsers may cache them privately but shared caches may not.
 */
export function loader({ params, request }: LoaderFunctionArgs) {
  requireUser(request);
  return productAssetResponse({
    productSlug: params.product ?? "",
    assetPath: params["*"] ?? "",
    versioned: new URL(request.url).searchParams.has("v"),
  });
}
