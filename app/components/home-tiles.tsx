import { Link } from "@remix-run/react";
import type { Role } from "#db/schema";

/** One vocabulary for sales and customer success: on everyone's home page. */
export function VocabularyTiles() {
  return (
    <>
      <Link to="/glossary" className="tile">
        <strong>Glossary</strong>
        <span>
          Each product&apos;s own words, the week the customer meets them, and the pitch phrases
          they replace.
        </span>
      </Link>
      <Link to="/vocabulary/check" className="tile">
        <strong>Translation check</strong>
        <span>
          Paste a pitch or an email; see which marketing phrases to replace, and with what.
        </span>
      </Link>
    </>
  );
}

/** The rest of what a non-rep role can open, below what needs them today. */
export function RoleTiles({ role }: { role: Exclude<Role, "rep"> }) {
  const authoring = role === "author" || role === "admin";
  return (
    <section aria-labelledby="more-title" className="stack">
      <h2 id="more-title">Everything else</h2>
      <div className="card-grid">
        <Link to="/products" className="tile">
          <strong>Products</strong>
          <span>Browse every certification track.</span>
        </Link>
        {role === "manager" ? (
          <Link to="/team" className="tile">
            <strong>My team</strong>
            <span>See your reps.</span>
          </Link>
        ) : null}
        {role === "admin" ? (
          <Link to="/admin/users" className="tile">
            <strong>People &amp; teams</strong>
            <span>Add people, set roles, disable accounts.</span>
          </Link>
        ) : null}
        {role === "admin" ? (
          <Link to="/admin/integrations" className="tile">
            <strong>Integrations</strong>
            <span>
              API tokens, webhooks to the CRM, the LRS, email and Slack, and what was delivered.
            </span>
          </Link>
        ) : null}
        {authoring ? (
          <Link to="/content" className="tile">
            <strong>Content status</strong>
            <span>Every module&apos;s build state and content-check findings.</span>
          </Link>
        ) : null}
        {authoring ? (
          <Link to="/content/impact" className="tile">
            <strong>Change impact</strong>
            <span>
              Who a revision bump moves to refresh due, by when they lapse, and who has re-taken it.
            </span>
          </Link>
        ) : null}
        {authoring ? (
          <Link to="/friction" className="tile">
            <strong>Friction from the field</strong>
            <span>Steps reps flagged as confusing or missing, to answer and resolve.</span>
          </Link>
        ) : null}
        {role === "csm" ? (
          <Link to="/verify" className="tile">
            <strong>Verify a certification</strong>
            <span>Check a rep&apos;s certificate from its link.</span>
          </Link>
        ) : null}
        <VocabularyTiles />
      </div>
    </section>
  );
}
