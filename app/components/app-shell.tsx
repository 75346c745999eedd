import { Form, Link, NavLink } from "@remix-run/react";
import type { ReactNode } from "react";
import type { Role } from "#db/roles";
import { navigationFor } from "./navigation";

export type ShellUser = {
  name: string;
  email: string;
  role: Role;
  /** How many items wait on this person behind a nav link, by its path. */
  inbox?: Record<string, number>;
};

const roleLabels: Record<Role, string> = {
  rep: "Sales rep",
  manager: "Manager",
  author: "Enablement author",
  csm: "Customer success",
  admin: "Admin",
};

export function AppShell({ user, children }: { user: ShellUser | null; children: ReactNode }) {
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <div className="topbar-inner">
          <Link to="/" className="brand">
            <span className="brand-mark" aria-hidden="true">
              F
            </span>
            Firsthand<span className="visually-hidden"> home</span>
          </Link>
          {user ? (
            <>
              <nav aria-label="Main" className="main-nav">
                <ul>
                  {navigationFor(user.role).map((item, _i, items) => (
                    <li key={item.to}>
                      {/* An item whose page has a sibling item beneath it lights up only on itself. */}
                      <NavLink
                        to={item.to}
                        end={
                          item.to === "/" ||
                          items.some((other) => other.to.startsWith(`${item.to}/`))
                        }
                      >
                        {item.label}
                        <InboxCount count={user.inbox?.[item.to] ?? 0} />
                      </NavLink>
                    </li>
                  ))}
                </ul>
              </nav>
              <div className="account">
                <span className="account-name">
                  {user.name}
                  <span className="account-role">{roleLabels[user.role]}</span>
                </span>
                <NavLink
                  to="/settings/notifications"
                  className="account-link"
                  aria-label="Notifications"
                >
                  <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true">
                    <path
                      fill="none"
                      stroke="currentColor"
                      strokeWidth="2"
                      strokeLinecap="round"
                      strokeLinejoin="round"
                      d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9M10.3 21a1.94 1.94 0 0 0 3.4 0"
                    />
                  </svg>
                  <span className="account-link-label">Notifications</span>
                </NavLink>
                <Form method="post" action="/logout">
                  <button type="submit" className="button button-quiet">
                    Sign out
                  </button>
                </Form>
              </div>
            </>
          ) : null}
        </div>
      </header>
      <main id="main" className="page">
        {children}
      </main>
      <footer className="site-footer">
        Firsthand · reps walk the customer&apos;s journey before they sell it
      </footer>
    </>
  );
}

function InboxCount({ count }: { count: number }) {
  if (count === 0) return null;
  return (
    <span className="nav-count">
      {count}
      <span className="visually-hidden"> waiting for you</span>
    </span>
  );
}
