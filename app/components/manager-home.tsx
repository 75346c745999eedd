import type { FrictionCountsView } from "./friction-counts";
import { FrictionCounts } from "./friction-counts";
import { ManagerDashboard, type ManagerDashboardView } from "./manager-dashboard";
import { NeedsToday, type Need } from "./needs-today";

export type ManagerNeedsView = {
  refreshesToRemind: number;
  /** Admins only: deliveries to the CRM, LRS, email or Slack that gave up. */
  failedDeliveries: number | null;
};

/** A manager's or admin's home: what needs them today above the team's dashboard. */
export function ManagerHome({
  dashboard,
  friction,
  needs,
}: {
  dashboard: ManagerDashboardView;
  friction: FrictionCountsView;
  needs: ManagerNeedsView;
}) {
  const openFlags = friction.reduce((n, f) => n + f.open, 0);
  const items: Need[] = [
    {
      key: "remind",
      count: needs.refreshesToRemind,
      label: `${needs.refreshesToRemind === 1 ? "refresh lapses" : "refreshes lapse"} within 7 days: remind the rep`,
      clear: "No refresh lapses this week.",
      href: "/team",
      action: "Remind from the readiness page",
    },
    {
      key: "due",
      count: dashboard.dueCount,
      label: `${dashboard.dueCount === 1 ? "certification lapses or expires" : "certifications lapse or expire"} in the next 30 days`,
      clear: "Nothing lapses or expires in the next 30 days.",
      href: "/team",
      action: "See what is due",
      details: dashboard.due
        .slice(0, 3)
        .map(
          (d) =>
            `${d.repName}: ${d.productName} ${d.kind === "lapses" ? "lapses" : "expires"} in ${d.daysLeft} ${d.daysLeft === 1 ? "day" : "days"}`,
        ),
    },
    {
      key: "friction",
      count: openFlags,
      label: `open friction ${openFlags === 1 ? "flag" : "flags"} from your reps`,
      clear: "No open friction flags from your reps.",
      href: "#friction",
      action: "See them by product",
      details: friction.filter((f) => f.open).map((f) => `${f.productName}: ${f.open} open`),
    },
  ];
  if (needs.failedDeliveries !== null) {
    items.push({
      key: "deliveries",
      count: needs.failedDeliveries,
      label: `${needs.failedDeliveries === 1 ? "delivery" : "deliveries"} to the CRM, LRS, email or Slack failed`,
      clear: "Every integration delivery went through.",
      href: "/admin/integrations",
      action: "Check integration health",
    });
  }
  return (
    <>
      <NeedsToday needs={items} />
      <ManagerDashboard dashboard={dashboard} />
      <div id="friction">
        <FrictionCounts counts={friction} />
      </div>
    </>
  );
}
