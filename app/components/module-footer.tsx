/**
 * Under a module: that it is the customer's own, unchanged; the exact source behind it (for audits
 * and authors) stays folded away, as on a certificate.
 */
export function ModuleFooter({
  productName,
  module,
}: {
  productName: string;
  module: {
    sourceFile: string;
    revision: number;
    fingerprint: string;
    syncedCommit: string | null;
  };
}) {
  return (
    <footer className="module-footer small muted">
      <p>This is {productName}&apos;s customer onboarding module, unchanged.</p>
      <details className="fingerprints">
        <summary>Details: the exact source (for audits)</summary>
        <dl className="fingerprint-list">
          <dt>Source file</dt>
          <dd>
            <code>{module.sourceFile}</code>
          </dd>
          <dt>Revision</dt>
          <dd>{module.revision}</dd>
          <dt>Source sha256</dt>
          <dd>
            <code title={module.fingerprint}>{module.fingerprint.slice(0, 12)}</code>
          </dd>
          {module.syncedCommit ? (
            <>
              <dt>Synced from commit</dt>
              <dd>
                <code title={module.syncedCommit}>{module.syncedCommit.slice(0, 12)}</code>
              </dd>
            </>
          ) : null}
        </dl>
      </details>
    </footer>
  );
}
