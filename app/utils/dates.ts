export const dayMs = 24 * 60 * 60 * 1000;

/** "8 May 2027", in UTC so the server render and hydration agree. */
// One formatter for every call: toLocaleDateString builds a new one each time, which showed in the profile.
const dateFormat = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  timeZone: "UTC",
});

export function formatDate(value: string | Date | null | undefined) {
  if (!value) return "—";
  return dateFormat.format(new Date(value));
}

/** "1 Dec 2026, 21:40 UTC". */
export function formatDateTime(value: string | Date | null | undefined) {
  if (!value) return "—";
  const date = new Date(value);
  const time = date.toLocaleTimeString("en-GB", {
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    timeZone: "UTC",
  });
  return `${formatDate(date)}, ${time} UTC`;
}
