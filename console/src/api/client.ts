/**
 * The console's one API client. Requests and responses are typed from the API's own sources, never
 * copied: request bodies and queries from the zod schemas the handlers parse with
 * (shared/adapters/aws/api-schemas.ts), responses from the use cases the handlers return, and every
 * path from the route table CDK deploys (infra/topology.ts). Only types are imported: nothing of the
 * server's code reaches the browser bundle.
 */
import type { z } from "zod";
import type { CASE_API_ROUTES } from "../../../infra/topology.ts";
import type {
  CreateUploadUrlRequest,
  CreditCasesRequest,
  MergeProposalsRequest,
  OpenMatterRequest,
  RecordMatterStepRequest,
  ReportExportRequest,
  ReviewQueueRequest,
  SearchCasesRequest,
  SplitProposalRequest,
  UploadsRequest,
} from "../../../shared/adapters/aws/api-schemas.ts";
import type { MatterProposal } from "../../../shared/domain/matters/types.ts";
import type { Report } from "../../../shared/domain/report/build-report.ts";
import type { MatterItem } from "../../../shared/domain/report/incremental.ts";
import type { StoredCase } from "../../../shared/domain/stored-case.ts";
import type { CaseSummary, Page } from "../../../shared/ports/case-repository.ts";
import type { CaseMatters } from "../../../shared/ports/matter-repository.ts";
import type { PresignedRequest } from "../../../shared/ports/object-store.ts";
import type { courtUploads, getCase } from "../../../shared/use-cases/case-queries.ts";
import type { CaseCorrectionSchema } from "../../../shared/use-cases/correct-case.ts";
import type { UploadUrl } from "../../../shared/use-cases/create-upload-url.ts";
import type { creditCaseList } from "../../../shared/use-cases/matters.ts";
import type { reportDownloads } from "../../../shared/use-cases/report-downloads.ts";
import { MESSAGES } from "../text.ts";

type Route = (typeof CASE_API_ROUTES)[number];
/** "GET /cases/{caseId}": only routes the API has. */
type RouteKey = `${Route["method"]} ${Route["path"]}`;

/** Query strings arrive as text: the schema's input type. */
export type CaseSearchQuery = Partial<NonNullable<z.input<typeof SearchCasesRequest>["queryStringParameters"]>>;
export type UploadsQuery = Partial<NonNullable<z.input<typeof UploadsRequest>["queryStringParameters"]>>;
export type ReviewQueueQuery = Partial<NonNullable<z.input<typeof ReviewQueueRequest>["queryStringParameters"]>>;
/** The files a list or report is exported as (the formats the handlers' schemas accept, but JSON). */
export type ReportFormat = Exclude<z.output<typeof ReportExportRequest>["pathParameters"]["format"], "json">;
export type CreditCasesFormat = Exclude<NonNullable<z.input<typeof CreditCasesRequest>["queryStringParameters"]>["format"], "json" | undefined>;
/** JSON bodies: what the handler's schema yields once parsed. */
type Body<S extends z.ZodType> = z.output<S> extends { body: infer B } ? B : never;
export type UploadUrlBody = Body<typeof CreateUploadUrlRequest>;
/** A correction as sent: its status may be left to the default. */
export type CaseCorrectionBody = z.input<typeof CaseCorrectionSchema>;
export type OpenMatterBody = Body<typeof OpenMatterRequest>;
export type MatterStepBody = Body<typeof RecordMatterStepRequest>;
export type SplitBody = Body<typeof SplitProposalRequest>;
export type MergeBody = Body<typeof MergeProposalsRequest>;

export type CaseWithHistory = Awaited<ReturnType<typeof getCase>>;
/** What GET /reports/{period}/exports/{format} answers: short-lived links to the files in the reports bucket. */
export type ReportDownloads = Awaited<ReturnType<typeof reportDownloads>>;
/** What GET /credit-cases answers as JSON: open matters where a credit institution is a party. */
export type CreditCaseList = Awaited<ReturnType<typeof creditCaseList>>;
export type CreditCaseRow = CreditCaseList["cases"][number];
export type { CaseSummary, MatterItem, MatterProposal, Page, Report, StoredCase, CaseMatters, UploadUrl, PresignedRequest };

/** The API refused the request: its status and message (in Vietnamese for a 4xx). */
export class ApiError extends Error {
  override name = "ApiError";
  constructor(
    readonly status: number,
    message: string,
    readonly code?: string,
  ) {
    super(message);
  }
}

type PathParameters = Record<string, string>;

/** A route path with its {parameters} filled in, each encoded as one path segment. */
function fill(path: string, parameters: PathParameters): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(parameters[name] ?? ""));
}

/** A matter id in a path: "~" for "/" (API Gateway does not pass an encoded slash through). */
export const matterPathId = (matterId: string): string => matterId.replaceAll("/", "~");

function queryString(query: Record<string, string | undefined>): string {
  const parameters = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) if (value !== undefined && value !== "") parameters.set(name, value);
  const text = parameters.toString();
  return text === "" ? "" : `?${text}`;
}

export interface ApiClientOptions {
  apiUrl: string;
  token: () => string | null;
  /** Called on a 401: the session ended. */
  onUnauthorised: () => void;
}

export function createApiClient(options: ApiClientOptions) {
  type Init = { body?: unknown; headers?: Record<string, string>; signIn?: boolean };
  /** `signIn`: a request made before anyone is signed in, whose 401 is a wrong password, not an ended session. */
  async function request(method: string, path: string, init: Init): Promise<Response> {
    const token = init.signIn ? null : options.token();
    let response: Response;
    try {
      response = await fetch(`${options.apiUrl}${path}`, {
        method,
        headers: {
          ...(init.body !== undefined && { "content-type": "application/json" }),
          ...(token !== null && { authorization: `Bearer ${token}` }),
          ...init.headers,
        },
        ...(init.body !== undefined && { body: JSON.stringify(init.body) }),
      });
    } catch {
      throw new ApiError(0, MESSAGES.networkError);
    }
    if (!response.ok) {
      if (response.status === 401 && !init.signIn) options.onUnauthorised();
      const text = await response.text();
      const error = (text === "" ? {} : JSON.parse(text)) as { message?: string; code?: string };
      const message = response.status === 403 ? MESSAGES.forbidden : response.status === 401 && init.signIn ? MESSAGES.wrongPassword : (error.message ?? `HTTP ${response.status}`);
      throw new ApiError(response.status, message, error.code);
    }
    return response;
  }

  async function send<T>(method: string, path: string, init: Init = {}): Promise<T> {
    const text = await (await request(method, path, init)).text();
    return (text === "" ? undefined : JSON.parse(text)) as T;
  }

  const target = (route: RouteKey, parameters: PathParameters, query: Record<string, string | undefined>) => {
    const [method = "GET", path = "/"] = route.split(" ");
    return { method, path: fill(path, parameters) + queryString(query) };
  };

  const call = <T>(route: RouteKey, parameters: PathParameters = {}, init: Omit<Init, "signIn"> & { query?: Record<string, string | undefined> } = {}) => {
    const { method, path } = target(route, parameters, init.query ?? {});
    return send<T>(method, path, init);
  };

  /** A file the API answers with itself: its bytes and the name the API gives it (content-disposition). */
  const file = async (route: RouteKey, query: Record<string, string | undefined>): Promise<{ name: string; data: Blob }> => {
    const { method, path } = target(route, {}, query);
    const response = await request(method, path, {});
    const name = /filename="([^"]+)"/.exec(response.headers.get("content-disposition") ?? "")?.[1] ?? "";
    return { name, data: await response.blob() };
  };

  return {
    /** Sign-in on the local stack (on AWS, Cognito signs people in: auth/session.tsx). */
    signIn: (username: string, password: string) => send<LocalSignIn>("POST", "/auth/sign-in", { body: { username, password }, signIn: true }),
    createUploadUrl: (body: UploadUrlBody) => call<UploadUrl>("POST /upload-urls", {}, { body }),
    searchCases: (query: CaseSearchQuery) => call<Page<CaseSummary>>("GET /cases", {}, { query }),
    getCase: (caseId: string) => call<CaseWithHistory>("GET /cases/{caseId}", { caseId }),
    correctCase: (caseId: string, version: number, body: CaseCorrectionBody) =>
      call<{ case: StoredCase }>("PATCH /cases/{caseId}", { caseId }, { body, headers: { "if-match": `"${version}"` } }),
    originalUrl: (caseId: string) => call<PresignedRequest>("GET /cases/{caseId}/original", { caseId }),
    reviewQueue: (query: ReviewQueueQuery) => call<Page<CaseSummary>>("GET /review-queue", {}, { query }),
    caseMatters: (caseId: string) => call<CaseMatters>("GET /cases/{caseId}/matters", { caseId }),
    openMatter: (caseId: string, body: OpenMatterBody) => call<{ matter: MatterItem }>("POST /cases/{caseId}/matters", { caseId }, { body }),
    getMatter: (matterId: string) => call<{ matter: MatterItem }>("GET /matters/{matterId}", { matterId: matterPathId(matterId) }),
    recordStep: (matterId: string, body: MatterStepBody) => call<{ matter: MatterItem }>("POST /matters/{matterId}/steps", { matterId: matterPathId(matterId) }, { body }),
    splitProposal: (caseId: string, body: SplitBody) => call<{ proposals: MatterProposal[] }>("POST /cases/{caseId}/proposals/split", { caseId }, { body }),
    mergeProposals: (caseId: string, body: MergeBody) => call<{ proposals: MatterProposal[] }>("POST /cases/{caseId}/proposals/merge", { caseId }, { body }),
    /** A court's own uploads, newest first, and what became of each. */
    submissions: (query: UploadsQuery) => call<Page<Submission>>("GET /uploads", {}, { query }),
    /** The semiannual report of a period (2026-H1, 2026-H2) from the aggregates. */
    report: (period: string) => call<Report>("GET /reports/{period}", { period }),
    /** Links to the report's export files (one XLSX workbook, or one CSV per table). */
    reportExport: (period: string, format: ReportFormat) => call<ReportDownloads>("GET /reports/{period}/exports/{format}", { period, format }).then((result) => result.files),
    /** The bank-credit list: open matters where a credit institution is a party (staff: their own unit's). */
    creditCases: (unit?: string) => call<CreditCaseList>("GET /credit-cases", {}, { query: { unit, format: "json" } }),
    creditCasesFile: (format: CreditCasesFormat, unit?: string) => file("GET /credit-cases", { unit, format }),
  };
}

export type ApiClient = ReturnType<typeof createApiClient>;

/** One file a court sent, and its fate. */
export type Submission = Awaited<ReturnType<typeof courtUploads>>["items"][number];

export type Role = "court" | "staff" | "leader";
export interface SignedInUser {
  username: string;
  role: Role;
  courtId?: string;
  unitId?: string;
}
/** What POST /auth/sign-in answers on the local stack. */
export interface LocalSignIn {
  idToken: string;
  expiresIn: number;
  user: SignedInUser;
}
