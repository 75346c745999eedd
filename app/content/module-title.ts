import { humanizeName } from "./module-path";

/** The first `# Heading` outside fenced code, as plain text. */
export function findFirstHeading(source: string) {
  let fence: string | null = null;
  for (const line of source.split(/\r?\n/)) {
    const fenceMatch = /^\s*(`{3,}|~{3,})/.exec(line);
    if (fenceMatch) {
      if (!fence) fence = fenceMatch[1];
      else if (fenceMatch[1].startsWith(fence)) fence = null;
      continue;
    }
    if (fence) continue;
    const heading = /^#\s+(.+?)\s*#*\s*$/.exec(line);
    if (heading) return plainText(heading[1]);
  }
  return null;
}

function plainText(markdown: string) {
  return markdown
    .replace(/\s*\{#[\w-]+\}\s*$/, "")
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/[*_`~]/g, "")
    .trim();
}

export function moduleTitle({
  frontmatterTitle,
  source,
  fileName,
}: {
  frontmatterTitle?: string;
  source: string;
  fileName: string;
}) {
  return frontmatterTitle?.trim() || findFirstHeading(source) || humanizeName(fileName);
}
