import { Link } from "@remix-run/react";

/** Where an author is among one module's preview and history, and the way back to the content page. */
export function AuthorModuleNav({
  product,
  module,
  current,
}: {
  product: { slug: string; name: string };
  module: { slug: string; title: string; status: string };
  current: "preview" | "history";
}) {
  const tabs = [
    { id: "preview", label: "Preview", to: `/content/preview/${product.slug}/${module.slug}` },
    { id: "history", label: "History", to: `/content/history/${product.slug}/${module.slug}` },
  ] as const;
  return (
    <div className="author-module-nav">
      <nav aria-label="Breadcrumb" className="breadcrumb small">
        <Link to="/content">Content status</Link> / {product.name} / {module.title}
      </nav>
      <nav aria-label="Module tools" className="author-tabs">
        {tabs.map((tab) => (
          <Link
            key={tab.id}
            to={tab.to}
            className={tab.id === current ? "author-tab author-tab-current" : "author-tab"}
            aria-current={tab.id === current ? "page" : undefined}
          >
            {tab.label}
          </Link>
        ))}
        <Link to={`/content/impact?product=${product.slug}`} className="author-tab">
          Impact
        </Link>
        <Link to={`/products/${product.slug}/${module.slug}`} className="author-tab">
          Open as a rep
        </Link>
      </nav>
    </div>
  );
}
