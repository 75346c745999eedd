import type {
  ActionFunctionArgs,
  LinksFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { AuthorModuleNav } from "~/components/author-module-nav";
import { ModuleBody } from "~/components/mdx/module-body";
import type { QuizState } from "~/components/mdx/quiz-context";
import { TableOfContents } from "~/components/mdx/table-of-contents";
import { ModuleHeader } from "~/components/module-header";
import { ModuleNeighbours } from "~/components/module-neighbours";
import { PreviewProblems } from "~/components/preview-problems";
import { requireModule } from "~/content/content.server";
import { answerKeyState, previewProblems, servedVersion } from "~/models/author-preview.server";
import { requireModulePage } from "~/models/module-page.server";
import { checkSelection, isCorrectSelection } from "~/models/quiz-attempt.server";
import authoringStyles from "~/styles/authoring.css?url";
import mdxDiagramStyles from "~/styles/mdx-diagrams.css?url";
import mdxFrameworkStyles from "~/styles/mdx-frameworks.css?url";
import mdxStyles from "~/styles/mdx.css?url";
import { requireRole } from "~/utils/auth.server";
import { formatDate } from "~/utils/dates";
import { formFields, parseFormFields, requireFormData } from "~/utils/form.server";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: mdxStyles },
  { rel: "stylesheet", href: mdxFrameworkStyles },
  { rel: "stylesheet", href: mdxDiagramStyles },
  { rel: "stylesheet", href: authoringStyles },
];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Preview: ${data.module.title} · Firsthand` : "Preview · Firsthand" },
];

const authorRoles = ["author", "admin"] as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  requireRole(request, authorRoles);
  const { page, shown } = await requireModulePage({ params });
  return {
    ...shown,
    versions: servedVersion(page),
    answerKey: answerKeyState(page),
    problems: previewProblems(page),
  };
}

const answerSchema = z.object({
  intent: z.literal("answer-quiz", { errorMap: () => ({ message: "Unknown action." }) }),
  quizId: z.string().min(1).max(200),
  choice: z.array(z.string().max(20)).max(50),
});

type PreviewAnswer = { quizId?: string; message: string; state?: QuizState };

/** Grades a check against the key and records nothing: no attempt, progress or certification. */
export async function action({ request, params }: ActionFunctionArgs) {
  requireRole(request, authorRoles);
  const { quizKeys } = await requireModule({
    productSlug: params.product,
    moduleSlug: params["*"],
  });
  const form = await requireFormData(request);
  const parsed = parseFormFields(answerSchema, {
    ...formFields(form),
    choice: form.getAll("choice"),
  });
  if (!parsed.ok) return data<PreviewAnswer>({ message: parsed.message }, { status: 400 });
  const key = quizKeys.find((k) => k.id === parsed.data.quizId);
  if (!key) {
    return data<PreviewAnswer>(
      { message: "That question is not in this module." },
      { status: 400 },
    );
  }
  const checked = checkSelection({ key, selected: parsed.data.choice });
  if (checked.kind === "invalid") {
    return data<PreviewAnswer>({ quizId: key.id, message: checked.message }, { status: 400 });
  }
  const correct = isCorrectSelection({ key, selected: checked.selected });
  return data<PreviewAnswer>({
    quizId: key.id,
    message: "Preview: this answer was checked and not recorded.",
    state: {
      status: correct ? "correct" : "incorrect",
      selected: checked.selected,
      correct: key.correct,
      explanationHtml: key.explanationHtml,
    },
  });
}

export default function ModulePreview() {
  const { product, module, versions, code, headings, answerKey, problems, prev, next, glossary } =
    useLoaderData<typeof loader>();
  const answered = useActionData<typeof action>();
  const quizState: Record<string, QuizState> = {};
  for (const [id, state] of Object.entries(answerKey)) {
    quizState[id] = { ...state, message: "Answer key and explanation: shown to authors only." };
  }
  if (answered?.quizId) {
    quizState[answered.quizId] = {
      ...quizState[answered.quizId],
      ...answered.state,
      message: answered.message,
    };
  }
  const failing = module.status !== "ready";
  const pendingRevision =
    failing && versions.latestRevision !== null && versions.latestRevision !== module.revision
      ? versions.latestRevision
      : null;
  return (
    <div className="stack-lg">
      <AuthorModuleNav product={product} module={module} current="preview" />
      <p className="banner banner-info small preview-banner">
        <strong>Author preview.</strong> You see this module as reps do, with every knowledge
        check&apos;s answer key and explanation. Checking an answer here records nothing.
      </p>
      <div className={failing ? "preview-layout preview-layout-failing" : "preview-layout"}>
        {failing ? (
          <aside className="preview-failure" aria-labelledby="failure-title">
            <h2 id="failure-title">
              {code ? "The latest edit does not compile" : "This module has never compiled"}
            </h2>
            <p className="small">
              {code
                ? `Reps keep being served the last good version, shown here (revision ${versions.servedRevision ?? module.revision}${versions.servedSince ? `, served since ${formatDate(versions.servedSince)}` : ""}), until the edit compiles.`
                : "Reps see an “unavailable” page and are asked nothing about it until it compiles."}
            </p>
            {pendingRevision !== null ? (
              <p className="small">
                The edit raises the revision to <strong>{pendingRevision}</strong>: it goes live
                when it compiles.{" "}
                <Link to={`/content/impact?product=${product.slug}`}>Who it would affect</Link>
              </p>
            ) : null}
            <PreviewProblems problems={problems.filter((p) => p.severity === "error")} />
          </aside>
        ) : null}
        <article className="module-article" aria-labelledby="module-title">
          {failing && code ? (
            <p className="pill pill-warning preview-version-label">
              Last good version · sha256 {versions.servedHash?.slice(0, 12)}
            </p>
          ) : null}
          <ModuleHeader product={product} module={module} completed={false} refreshDue={false} />
          {code ? (
            <ModuleBody code={code} quizState={quizState} glossary={glossary} />
          ) : (
            <div className="panel unavailable">
              <h2>No good version yet</h2>
              <p className="muted">
                Fix the error beside this, and the module renders here as reps will see it.
              </p>
            </div>
          )}
          {!failing && problems.length ? (
            <section className="panel stack" aria-labelledby="findings-title">
              <h2 id="findings-title">Findings</h2>
              <PreviewProblems problems={problems} />
            </section>
          ) : null}
          <ModuleNeighbours base={`/content/preview/${product.slug}`} prev={prev} next={next} />
          <footer className="module-footer small muted">
            Source: <code>{module.sourceFile}</code> · latest edit sha256{" "}
            <code title={versions.latestHash}>{versions.latestHash.slice(0, 12)}</code>
          </footer>
        </article>
        {!failing && headings.length ? (
          <aside className="module-aside">
            <TableOfContents headings={headings} />
          </aside>
        ) : null}
      </div>
    </div>
  );
}
