import type { ReactNode } from "react";

/** What a form post on the page did: its error, or its notice with any details beneath. */
export function ActionResult({
  error,
  notice,
  children,
}: {
  error?: string;
  notice?: string;
  children?: ReactNode;
}) {
  if (error) {
    return (
      <p className="banner banner-error" role="alert">
        {error}
      </p>
    );
  }
  if (!notice) return null;
  return (
    <div className="banner banner-success" role="status">
      <p>{notice}</p>
      {children}
    </div>
  );
}
