import type { LoaderFunctionArgs } from "@remix-run/node";
import { productAssetResponse } from "~/content/product-asset.server";

/** Images and files referenced by modules, at the URLs the compiler rewrote them to. */
export function loader({ params, request }: LoaderFunctionArgs) {
  return productAssetResponse({
    productSlug: params.product ?? "",
    assetPath: params["*"] ?? "",
    versioned: new URL(request.url).searchParams.has("v"),
  });
}
