/** The diagrams beautiful-mermaid draws, by the word a Mermaid diagram starts with (lower case). */
export const serverDrawnKinds: Record<string, string> = {
  graph: "Flowchart",
  flowchart: "Flowchart",
  sequencediagram: "Sequence diagram",
  statediagram: "State diagram",
  "statediagram-v2": "State diagram",
  classdiagram: "Class diagram",
  erdiagram: "Entity relationship diagram",
  xychart: "Chart",
  "xychart-beta": "Chart",
};

/**
 * Every other kind Mermaid 11 knows, by its first word as Mermaid matches it (case matters there), drawn
 * in the browser by the mermaid package itself.
 */
const browserDrawnKinds: [RegExp, string][] = [
  [/^pie$/, "Pie chart"],
  [/^gantt$/, "Gantt chart"],
  [/^journey$/, "User journey"],
  [/^timeline$/, "Timeline"],
  [/^mindmap$/, "Mind map"],
  [/^gitGraph$/, "Git graph"],
  [/^quadrantChart$/, "Quadrant chart"],
  [/^sankey(-beta)?$/, "Sankey diagram"],
  [/^requirement(Diagram)?$/, "Requirement diagram"],
  [/^C4(Context|Container|Component|Dynamic|Deployment)$/, "C4 diagram"],
  [/^block(-beta)?$/, "Block diagram"],
  [/^packet(-beta)?$/, "Packet diagram"],
  [/^kanban$/, "Kanban board"],
  [/^architecture(-beta)?$/, "Architecture diagram"],
  [/^radar-beta$/, "Radar chart"],
  [/^treemap(-beta)?$/, "Treemap"],
  [/^venn-beta$/, "Venn diagram"],
  [/^ishikawa(-beta)?$/, "Ishikawa diagram"],
  [/^classDiagram-v2$/, "Class diagram"],
  [/^cynefin-beta$/, "Cynefin diagram"],
  [/^eventmodeling$/, "Event model"],
  [/^railroad(-abnf|-ebnf|-peg)?-beta$/, "Railroad diagram"],
  [/^swimlane-beta$/, "Swimlane diagram"],
  [/^treeView-beta$/, "Tree view"],
  [/^wardley-beta$/, "Wardley map"],
];

/** "Pie chart" for `pie`, undefined for a word that starts no Mermaid diagram. */
export function browserDrawnKind(keyword: string) {
  const bare = keyword.replace(/:$/, "");
  return browserDrawnKinds.find(([pattern]) => pattern.test(bare))?.[1];
}
