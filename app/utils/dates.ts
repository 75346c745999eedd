export const dayMs = 24 * 60 * 60 * 1000;

/** "8 May 2027", in UTC so the server render and hydration agree. */
export function formatDate(value: string | Date | null | undefined) {
  if (!value) return "—";
  return new Date(value).toLocaleDateString("en-GB", {
    day: "numeric",
    month: "short",
    year: "numeric",
    timeZone: "UTC",
  });
}
