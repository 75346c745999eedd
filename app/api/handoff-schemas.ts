import { extendZodWithOpenApi } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { handoffEventKinds, handoffStates } from "#db/schema";

// See eligibility-schemas.ts for why this is called in each schema module.
extendZodWithOpenApi(z);

export const handoffIdParam = z.object({
  id: z
    .string()
    .regex(/^ho_[a-z2-7]{16}$/, "is not a handoff id")
    .openapi({
      param: { description: "The handoff's id, as in its URL." },
      example: "ho_abcdefgh234567ab",
    }),
});

const person = z.object({ name: z.string(), email: z.string() });
const moduleRef = z.object({ slug: z.string(), title: z.string() });

export const handoffExport = z
  .object({
    id: z.string(),
    url: z.string().describe("The handoff in the app."),
    state: z
      .enum(handoffStates)
      .describe(
        "`submitted`: waiting for the CSM; `questioned`: the CSM asked the rep something; `acknowledged`; `superseded`: an edit replaced it (see `supersededBy`).",
      ),
    account: z.string(),
    product: z.object({ slug: z.string(), name: z.string() }),
    rep: person,
    csm: person,
    goLiveTarget: z
      .string()
      .describe("The go-live date the rep agreed with the customer (YYYY-MM-DD)."),
    notes: z.string(),
    createdAt: z.string().datetime(),
    supersedes: z.string().nullable().describe("The earlier version this one replaced."),
    supersededBy: z.string().nullable().describe("The newer version, once this one was edited."),
    certification: z
      .object({
        id: z.string(),
        verifyUrl: z.string().describe("Public page confirming the rep's certification."),
        modules: z
          .array(
            moduleRef.extend({ week: z.number().int().nullable(), revision: z.number().int() }),
          )
          .describe(
            "The journey as the rep walked it when filing: each module's week and revision.",
          ),
      })
      .describe("The certification the rep held when filing, which cleared them to pitch."),
    promises: z.array(
      z.object({ text: z.string(), module: moduleRef, week: z.number().int().nullable() }),
    ),
    friction: z
      .array(z.object({ text: z.string(), module: moduleRef, told: z.boolean() }))
      .describe("Every friction point of the journey, and whether the customer was told of it."),
    history: z.array(
      z.object({
        kind: z.enum(handoffEventKinds),
        at: z.string().datetime(),
        actor: z.string().nullable().describe("Who did it (their name), null when they are gone."),
        message: z.string().nullable(),
      }),
    ),
  })
  .openapi("Handoff");

export type HandoffExport = z.infer<typeof handoffExport>;
