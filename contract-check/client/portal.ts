// A portal's use of the generated client, compiled with `tsc --strict` against the committed contract.
// If the contract loses a type (an `unknown` body, an error without the Problem schema), this stops compiling.
import createClient from "openapi-fetch";
import type { components, paths, webhooks } from "../generated/api";

type Problem = components["schemas"]["Problem"];
type EnterpriseView = components["schemas"]["EnterpriseView"];
type Criterion = components["schemas"]["Criterion"];

// JSON answers and problems only (lists also answer text/csv for downloads)
const client = createClient<paths, `application/${string}json`>({
  baseUrl: "http://localhost:8080",
  headers: { Authorization: "Bearer <token>", "Accept-Language": "zh-CN" },
});

/** A field error's code, translated by the portal; the message is the service's own. */
function describe(problem: Problem): string {
  const fields = (problem.errors ?? []).map((e) => `${e.field} [${e.code}]: ${e.message}`);
  return `${problem.status} ${problem.type} ${problem.title}${fields.length ? ": " + fields.join("; ") : ""}`;
}

export async function listEnterprises(regionCode: string): Promise<EnterpriseView[]> {
  const { data, error } = await client.GET("/api/v1/enterprises", {
    params: { query: { regionCode, sizeClass: "MEDIUM", aboveDesignatedSize: true, page: 0, size: 50, sort: "name" } },
  });
  if (error) {
    throw new Error(describe(error));
  }
  const names: string[] = data.items.map((e) => e.name);
  const size: "LARGE" | "MEDIUM" | "SMALL" | "MICRO" | null = data.items[0]?.sizeClass ?? null;
  console.log(names, size, data.total);
  return data.items;
}

export async function getEnterprise(creditCode: string, etag?: string): Promise<EnterpriseView | "not-modified"> {
  const { data, error, response } = await client.GET("/api/v1/enterprises/{creditCode}", {
    params: { path: { creditCode }, header: etag ? { "If-None-Match": etag } : {} },
  });
  if (response.status === 304) {
    return "not-modified";
  }
  if (error) {
    throw new Error(describe(error));
  }
  return data;
}

/** The what-if: every unmet criterion with what is required and what the facts give, in their unit. */
export async function whatIf(): Promise<string[]> {
  const { data, error } = await client.POST("/api/v1/eligibility-assessments", {
    body: {
      asOf: "2021-06-30",
      buildMode: "SINGLE",
      participants: [{ creditCode: "91350100M000100Y43", employees: 350, revenue: 52000000, aboveDesignatedSize: true }],
      capacity: {
        personnel: 6, equipmentValue: 600000, rdExpenditure: 520000, floorArea: 60, projectCount: 3,
        hasRules: true, hasStableFunding: true,
      },
      cooperations: [{ partner: "聊城大学", partnerKind: "UNIVERSITY", signedOn: "2020-09-01", activities: "联合开展工艺改进项目" }],
    },
  });
  if (error) {
    // narrowed to the Problem schema: a validation problem names its fields with codes
    const codes: string[] = (error.errors ?? []).map((e) => e.code);
    if (error.type === "/problems/validation" && codes.includes("REQUIRED")) {
      return [describe(error)];
    }
    throw new Error(describe(error));
  }
  return data.criteria.filter((c: Criterion) => !c.met).map(explain);
}

function explain(c: Criterion): string {
  const required: number | boolean | string = c.required;
  const actual: number | boolean | string | null = c.actual;
  const unit: "yuan" | "m2" | "persons" | "count" | null = c.unit;
  const shared = c.total !== null && c.sharedBy !== null ? ` (${c.total} ÷ ${c.sharedBy} participants)` : "";
  return `${c.code}${c.participant ? " " + c.participant : ""}: ${actual ?? "missing"}${shared} of ${required} ${unit ?? ""}`;
}

/** Registering an enterprise: the body's creditCode is required by the create (a PUT takes it from its path). */
export async function register(creditCode: string): Promise<EnterpriseView> {
  const { data, error } = await client.POST("/api/v1/enterprises", {
    body: { creditCode, name: "聊城鲁西轴承制造有限公司", regionCode: "371502" },
  });
  if (error) {
    throw new Error(describe(error));
  }
  return data;
}

export async function registerWithoutCode(): Promise<void> {
  // @ts-expect-error creditCode is required by the create's schema (NewEnterprise)
  await client.POST("/api/v1/enterprises", { body: { name: "无代码企业", regionCode: "371502" } });
}

type FeedEvent = components["schemas"]["FeedEvent"];

/** A change as a line of text: the event's type narrows its data to the resource's schema. */
export function describeEvent(e: FeedEvent): string {
  switch (e.type) {
    case "enterprise.created":
    case "enterprise.updated": {
      const name: string = e.data.name;
      return `${e.data.creditCode} ${name} (version ${e.version})`;
    }
    case "enterprise.deleted":
    case "figures.deleted": {
      const gone: true = e.data.deleted;
      return `${e.subject.kind} ${e.data.id} deleted: ${gone}`;
    }
    case "enterprise.imported":
      return `${e.data.regionCode}: ${e.data.created.length} registered, ${e.data.updated.length} changed`;
    case "award.disbursed":
      return `award ${e.data.id}: ${e.data.status}`;
    default:
      return e.type;
  }
}

/** Follows the feed from a cursor: every page's events typed, next as the cursor to keep. */
export async function follow(after: string): Promise<string> {
  const { data, error } = await client.GET("/api/v1/events", { params: { query: { after, limit: 100 } } });
  if (error) {
    throw new Error(describe(error));
  }
  data.items.map(describeEvent).forEach((line) => console.log(line));
  return data.next;
}

/** A webhook receiver's body: the same typed event, delivered by POST. */
type Delivery = NonNullable<webhooks["feedEvent"]["post"]["requestBody"]>["content"]["application/json"];
export function received(body: Delivery): string {
  return describeEvent(body);
}
