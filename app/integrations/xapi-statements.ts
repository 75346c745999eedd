import type { Activity, Context, InteractionActivity, Statement, Verb } from "@xapi/xapi";
import { moduleUrl } from "~/content/module-path";
import type { EventType, OutboxEvent } from "./events";
import { statementIdForEvent } from "./statement-id";

export const xapiVersion = "1.0.3";

const verb = (id: string, display: string): Verb => ({ id, display: { "en-US": display } });

export const xapiVerbs = {
  completed: verb("http://adlnet.gov/expapi/verbs/completed", "completed"),
  answered: verb("http://adlnet.gov/expapi/verbs/answered", "answered"),
  passed: verb("http://adlnet.gov/expapi/verbs/passed", "passed"),
  failed: verb("http://adlnet.gov/expapi/verbs/failed", "failed"),
  earned: verb("http://id.tincanapi.com/verb/earned", "earned"),
};

const activityTypes = {
  course: "http://adlnet.gov/expapi/activities/course",
  module: "http://adlnet.gov/expapi/activities/module",
  interaction: "http://adlnet.gov/expapi/activities/cmi.interaction",
  // The ADL vocabulary has no certificate; this is the xAPI registry's type, next to its `earned`.
  certificate: "http://id.tincanapi.com/activitytype/certificate",
} as const;

type ProductRef = { product: string; productName: string };
type ModuleRef = ProductRef & { module: string; moduleTitle: string };

const english = (text: string) => ({ "en-US": text });

function productActivity(site: string, ref: ProductRef): Activity {
  return {
    objectType: "Activity",
    id: `${site}/products/${encodeURIComponent(ref.product)}`,
    definition: { type: activityTypes.course, name: english(ref.productName) },
  };
}

function moduleActivity(site: string, ref: ModuleRef): Activity {
  return {
    objectType: "Activity",
    id: site + moduleUrl({ productSlug: ref.product, moduleSlug: ref.module }),
    definition: { type: activityTypes.module, name: english(ref.moduleTitle) },
  };
}

function quizActivity(site: string, ref: ModuleRef & { quizId: string; question: string }) {
  const quiz: InteractionActivity = {
    objectType: "Activity",
    id: `${moduleActivity(site, ref).id}#quiz-${encodeURIComponent(ref.quizId)}`,
    // The choices and the answer key stay out: statements leave Firsthand, answers must not.
    definition: {
      type: activityTypes.interaction,
      interactionType: "choice",
      name: english(ref.question),
    },
  };
  return quiz;
}

function certificationActivity(site: string, ref: ProductRef): Activity {
  return {
    objectType: "Activity",
    id: `${site}/certifications/${encodeURIComponent(ref.product)}`,
    definition: {
      type: activityTypes.certificate,
      name: english(`${ref.productName} certification`),
    },
  };
}

function isType<T extends EventType>(event: OutboxEvent, type: T): event is OutboxEvent<T> {
  return event.type === type;
}

type StatementBody = Pick<Statement, "verb" | "object" | "result"> & { context?: Context };

function describeEvent(event: OutboxEvent, site: string): StatementBody | null {
  if (isType(event, "module.completed")) {
    const { data } = event;
    return {
      verb: xapiVerbs.completed,
      object: moduleActivity(site, data),
      result: { completion: true },
      context: {
        revision: String(data.revision),
        contextActivities: { parent: [productActivity(site, data)] },
      },
    };
  }
  if (isType(event, "quiz.answered")) {
    const { data } = event;
    return {
      verb: xapiVerbs.answered,
      object: quizActivity(site, data),
      result: { success: data.correct },
      context: {
        revision: String(data.revision),
        contextActivities: {
          parent: [moduleActivity(site, data)],
          grouping: [productActivity(site, data)],
        },
      },
    };
  }
  if (isType(event, "round.passed") || isType(event, "round.failed")) {
    const passed = event.type === "round.passed";
    return {
      verb: passed ? xapiVerbs.passed : xapiVerbs.failed,
      object: productActivity(site, event.data),
      // A scaled score outside 0–1 would make the LRS refuse the statement on every retry.
      result: {
        score: { scaled: Math.min(1, Math.max(0, event.data.score)) },
        success: passed,
        completion: true,
      },
    };
  }
  if (isType(event, "certification.issued")) {
    const { data } = event;
    return {
      verb: xapiVerbs.earned,
      object: certificationActivity(site, data),
      context: { contextActivities: { grouping: [productActivity(site, data)] } },
    };
  }
  return null;
}

/**
 * The xAPI 1.0.3 statement an outbox event stands for, or null when the LRS has no use for it.
 * The rep is an account on this Firsthand (their user id), never their email.
 */
export function statementForEvent({
  event,
  appUrl,
}: {
  event: OutboxEvent;
  appUrl: string;
}): Statement | null {
  if (!event.userId) return null;
  const site = appUrl.replace(/\/+$/, "");
  const body = describeEvent(event, site);
  if (!body) return null;
  return {
    id: statementIdForEvent(event.id),
    actor: { objectType: "Agent", account: { homePage: site, name: event.userId } },
    ...body,
    context: { platform: "Firsthand", language: "en-US", ...body.context },
    timestamp: event.createdAt.toISOString(),
  };
}
