import { readMermaidSource, scanFlowchartLine } from "./mermaid-source";

test("front matter, directives, comments and accessibility lines are read, not drawn", () => {
  const source = [
    "---",
    "title: Order flow",
    "---",
    "%%{init: {'flowchart': {'defaultRenderer': 'elk'}}}%%",
    "sequenceDiagram",
    "  accDescr: The shop asks the bank",
    "  %% a comment",
    "  Shop->>Bank: Charge",
  ].join("\n");
  const read = readMermaidSource(source);
  expect(read).toEqual({
    drawable: true,
    kind: "Sequence diagram",
    title: "Order flow",
    description: "The shop asks the bank",
    text: "sequenceDiagram\n\n\n  Shop->>Bank: Charge",
  });
});

test("accTitle names the diagram and a block accDescr describes it", () => {
  const read = readMermaidSource(
    "flowchart LR\n  accTitle: Sign-up\n  accDescr {\n    Two steps\n    in a row\n  }\n  A --> B",
  );
  expect(read).toMatchObject({
    drawable: true,
    title: "Sign-up",
    description: "Two steps in a row",
  });
  expect(read.drawable === true && read.text).not.toMatch(/acc|Two steps/);
});

test("a one-line `graph TD; …` and a flowchart without a direction are given what beautiful-mermaid needs", () => {
  expect(readMermaidSource("graph TD; A-->B;")).toMatchObject({ text: "graph TD\nA -->B" });
  expect(readMermaidSource("flowchart\n  A --> B")).toMatchObject({
    text: "flowchart TD\n  A --> B",
  });
});

test("a Mermaid kind beautiful-mermaid cannot draw is drawn in the browser, named by its title", () => {
  expect(readMermaidSource('\n\npie title Pets\n  "Dogs" : 386')).toEqual({
    drawable: "in-browser",
    kind: "Pie chart",
  });
  expect(
    readMermaidSource("gantt\n  accTitle: Launch plan\n  section A\n  Task :a1, 2024-01-01, 3d"),
  ).toEqual({ drawable: "in-browser", kind: "Gantt chart", title: "Launch plan" });
  expect(readMermaidSource("---\ntitle: Moves\n---\ngitGraph:\n  commit")).toMatchObject({
    drawable: "in-browser",
    kind: "Git graph",
  });
  expect(readMermaidSource("C4Context\n  title System")).toMatchObject({ kind: "C4 diagram" });
  expect(readMermaidSource("sankey-beta\n  a,b,1")).toMatchObject({ kind: "Sankey diagram" });
});

test("a word that starts no Mermaid diagram, or none at all, is not drawable, with the reason", () => {
  expect(readMermaidSource('\n\npi title Pets\n  "Dogs" : 386')).toEqual({
    drawable: false,
    reason: 'Mermaid "pi" diagrams are not supported',
    line: 3,
  });
  expect(readMermaidSource("Pie title Pets")).toMatchObject({ drawable: false });
  expect(readMermaidSource("%% only a comment\n")).toEqual({
    drawable: false,
    reason: "the diagram is empty",
  });
});

test("a flowchart label left open is a syntax error on its line", () => {
  expect(readMermaidSource("flowchart TD\n  A[Start] --> B\n  B --> C[Stop\n")).toEqual({
    drawable: false,
    reason: '"[" is never closed on line 3 of the diagram',
    line: 3,
  });
});

test("arrows touching a node id get a space; arrows and pipes inside labels do not", () => {
  expect(scanFlowchartLine("A-->B")).toEqual({ spaced: "A -->B" });
  expect(scanFlowchartLine("us-east-.->db<-->C")).toEqual({ spaced: "us-east -.->db <-->C" });
  expect(scanFlowchartLine('A["x-->y"]-->|a-->b|B(it--s)-->C')).toEqual({
    spaced: 'A["x-->y"]-->|a-->b|B(it--s)-->C',
  });
  expect(scanFlowchartLine("A(([x]")).toEqual({ spaced: "A(([x]", unclosed: "(" });
});
