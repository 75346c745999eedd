import { useId, useRef, useState, type KeyboardEvent, type ReactNode } from "react";
import { useHydrated } from "./use-hydrated";

/**
 * Tabs that work without JavaScript: the server renders every panel stacked under its label, and after
 * hydration they become an ARIA tablist with arrow-key navigation.
 */
export function TabSet({
  labels,
  panels,
  initial = 0,
  className = "",
}: {
  labels: ReactNode[];
  panels: ReactNode[];
  initial?: number;
  className?: string;
}) {
  const hydrated = useHydrated();
  const [selected, setSelected] = useState(
    Math.min(Math.max(initial, 0), Math.max(panels.length - 1, 0)),
  );
  const baseId = useId();
  const tabRefs = useRef<(HTMLButtonElement | null)[]>([]);

  if (!hydrated) {
    return (
      <div className={["fh-tabs", "fh-tabs--stacked", className].filter(Boolean).join(" ")}>
        {panels.map((panel, index) => (
          <section
            key={index}
            className="fh-tabs__section"
            aria-labelledby={`${baseId}-label-${index}`}
          >
            <p className="fh-tabs__section-label" id={`${baseId}-label-${index}`}>
              {labels[index]}
            </p>
            {panel}
          </section>
        ))}
      </div>
    );
  }

  function onKeyDown(event: KeyboardEvent) {
    const last = panels.length - 1;
    const next =
      event.key === "ArrowRight"
        ? selected === last
          ? 0
          : selected + 1
        : event.key === "ArrowLeft"
          ? selected === 0
            ? last
            : selected - 1
          : event.key === "Home"
            ? 0
            : event.key === "End"
              ? last
              : null;
    if (next === null) return;
    event.preventDefault();
    setSelected(next);
    tabRefs.current[next]?.focus();
  }

  return (
    <div className={["fh-tabs", className].filter(Boolean).join(" ")}>
      <div className="fh-tabs__list" role="tablist" onKeyDown={onKeyDown}>
        {labels.map((label, index) => (
          <button
            key={index}
            ref={(element) => {
              tabRefs.current[index] = element;
            }}
            type="button"
            role="tab"
            id={`${baseId}-tab-${index}`}
            aria-selected={index === selected}
            aria-controls={`${baseId}-panel-${index}`}
            tabIndex={index === selected ? 0 : -1}
            className="fh-tabs__tab"
            onClick={() => setSelected(index)}
          >
            {label}
          </button>
        ))}
      </div>
      {panels.map((panel, index) => (
        <div
          key={index}
          role="tabpanel"
          id={`${baseId}-panel-${index}`}
          aria-labelledby={`${baseId}-tab-${index}`}
          hidden={index !== selected}
          tabIndex={0}
          className="fh-tabs__panel"
        >
          {panel}
        </div>
      ))}
    </div>
  );
}
