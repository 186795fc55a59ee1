import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { Match } from "aws-cdk-lib/assertions";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";
import { esbuildOptions } from "../../infra/bundling.ts";
import { synthesizeApp } from "./synthesize.ts";

// The esbuild bundles of the zip functions are skipped (stacks.test.ts covers them); the image asset is staged all the same.
const offline = { "aws:cdk:bundling-stacks": [] };
const { app, stateless } = synthesizeApp(offline);
const assembly = app.synth();
type Resources = Record<string, { Type: string; Properties: Record<string, any> }>;
const resources = stateless.template.toJSON().Resources as Resources;

const idOf = (type: string, prefix: string) => {
  const found = Object.entries(resources).find(([id, resource]) => resource.Type === type && id.startsWith(prefix));
  if (!found) throw new Error(`no ${type} ${prefix}`);
  return found[0];
};
const pageFunction = idOf("AWS::Lambda::Function", "IntakeTesseractOcrRecognizePage");
const pageQueue = idOf("AWS::SQS::Queue", "IntakeTesseractOcrPagesQueue");

/** Every statement of the inline policies attached to a role. */
const statementsOf = (roleId: string) =>
  Object.values(resources)
    .filter((resource) => resource.Type === "AWS::IAM::Policy" && JSON.stringify(resource.Properties.Roles).includes(`"${roleId}"`))
    .flatMap((policy) => policy.Properties.PolicyDocument.Statement as { Action: string | string[]; Resource: unknown }[])
    .map((statement) => ({ actions: [statement.Action].flat().sort(), resources: JSON.stringify(statement.Resource) }));

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)).map((file) => `${entry.name}/${file}`) : [entry.name],
  );
}

describe("Tesseract OCR on AWS", () => {
  it("runs the page function from a container image that synth only stages: the manifest says build it from the repository's Dockerfile at deploy", () => {
    const manifest = JSON.parse(readFileSync(join(assembly.directory, `${stateless.stack.artifactId}.assets.json`), "utf8")) as {
      dockerImages: Record<string, { source: { directory: string; dockerFile: string; platform: string } }>;
    };
    const images = Object.values(manifest.dockerImages);
    expect(images).toHaveLength(1);
    expect(images[0]!.source).toMatchObject({ dockerFile: "infra/ocr-image/Dockerfile", platform: "linux/arm64" });
    stateless.template.hasResourceProperties("AWS::Lambda::Function", {
      PackageType: "Image",
      Code: { ImageUri: Match.objectLike({ "Fn::Sub": Match.stringLikeRegexp("cdk-hnb659fds-container-assets") }) },
    });
  });

  it("stages a small build context: the sources the image is built from, not node_modules, tests or docs", async () => {
    const manifest = JSON.parse(readFileSync(join(assembly.directory, `${stateless.stack.artifactId}.assets.json`), "utf8"));
    const context = join(assembly.directory, (Object.values(manifest.dockerImages)[0] as { source: { directory: string } }).source.directory);
    const files = filesUnder(context);
    expect(files).toEqual(expect.arrayContaining(["infra/ocr-image/Dockerfile", "infra/ocr-image/bundle.ts", "infra/bundling.ts", "package.json"]));
    expect(files).toContain("functions/recognize-page/handler.ts");
    expect(files).toContain("shared/adapters/local/tesseract-ocr.ts");
    expect(files).toContain("package-lock.json");
    expect(files.filter((file) => /^(node_modules|test|docs|bench|cdk\.out|\.git|functions\/ingest-document)\//.test(file))).toEqual([]);
    const bytes = files.reduce((sum, file) => sum + statSync(join(context, file)).size, 0);
    expect(bytes).toBeLessThan(3 * 1024 * 1024);

    // Every project source the image's bundle is built from is in that context (.dockerignore lets it through).
    const { metafile } = await build({ ...esbuildOptions, entryPoints: ["functions/recognize-page/handler.ts"], write: false, metafile: true, outdir: "out", logLevel: "silent" });
    const sources = Object.keys(metafile.inputs).filter((input) => !input.startsWith("node_modules/"));
    expect(sources.length).toBeGreaterThan(20);
    expect(sources.filter((source) => !files.includes(source))).toEqual([]);
  });

  it("gives each page 2 GB (one vCPU for one Tesseract), 2 minutes, ARM64 and tracing, and caps pages at once at 50 by reserved concurrency", () => {
    expect(resources[pageFunction]!.Properties).toMatchObject({
      MemorySize: 2048,
      Timeout: 120,
      ReservedConcurrentExecutions: 50,
      Architectures: ["arm64"],
      TracingConfig: { Mode: "Active" },
    });
    expect(Object.keys(resources[pageFunction]!.Properties.Environment.Variables).filter((key) => !key.startsWith("POWERTOOLS_")).sort()).toEqual([
      "CASES_TABLE",
      "MATTERS_TABLE",
      "UPLOAD_MAX_BYTES",
    ]);
  });

  it("fans out one page per invocation from the page queue, up to the reserved concurrency, retrying a page twice before its dead-letter queue", () => {
    stateless.template.hasResourceProperties("AWS::Lambda::EventSourceMapping", {
      FunctionName: { Ref: pageFunction },
      EventSourceArn: { "Fn::GetAtt": [pageQueue, "Arn"] },
      BatchSize: 1,
      FunctionResponseTypes: ["ReportBatchItemFailures"],
      ScalingConfig: { MaximumConcurrency: 50 },
    });
    expect(resources[pageQueue]!.Properties).toMatchObject({ VisibilityTimeout: 720, RedrivePolicy: { maxReceiveCount: 3 } });
  });

  it("has intake send scans to the page queue with Tesseract as the default engine, allowed to send there and nothing more on it", () => {
    const ingest = idOf("AWS::Lambda::Function", "IntakeIngestDocument");
    expect(resources[ingest]!.Properties.Environment.Variables).toMatchObject({ OCR_ENGINE: "tesseract", OCR_PAGE_QUEUE_URL: { Ref: pageQueue } });
    const onPageQueue = statementsOf(resources[ingest]!.Properties.Role["Fn::GetAtt"][0]).filter((statement) => statement.resources.includes(pageQueue));
    expect(onPageQueue).toEqual([{ actions: ["sqs:GetQueueAttributes", "sqs:GetQueueUrl", "sqs:SendMessage"], resources: JSON.stringify({ "Fn::GetAtt": [pageQueue, "Arn"] }) }]);
  });

  it("lets the page function read uploads, use the cases table and its lookup index, add matters, take its queue's messages and write its logs: nothing else", () => {
    const actions = statementsOf(resources[pageFunction]!.Properties.Role["Fn::GetAtt"][0]).map((statement) => ({
      actions: statement.actions,
      on: /UploadsBucket|Cases|Matters|PagesQueue|Logs/.exec(statement.resources)?.[0] ?? statement.actions.join(),
    }));
    expect(actions).toEqual(
      expect.arrayContaining([
        { actions: ["s3:GetObject", "s3:GetObjectVersion"], on: "UploadsBucket" },
        { actions: ["dynamodb:BatchGetItem", "dynamodb:DeleteItem", "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:Query", "dynamodb:UpdateItem"], on: "Cases" },
        { actions: ["dynamodb:PutItem"], on: "Matters" },
      ]),
    );
    expect(actions.map((statement) => statement.on).sort()).toEqual(["Cases", "Logs", "Matters", "PagesQueue", "UploadsBucket", "xray:PutTelemetryRecords,xray:PutTraceSegments"]);
    expect(actions.flatMap((statement) => statement.actions).filter((action) => action.includes("*"))).toEqual([]);
  });

  it("keeps Textract as a deployment setting (thads:ocrEngine): intake may then start its jobs, passing only the publisher role to Textract, and not send pages", () => {
    const withTextract = synthesizeApp({ ...offline, "thads:ocrEngine": "textract" }).stateless.template;
    const textractResources = withTextract.toJSON().Resources as Resources;
    const [, ingest] = Object.entries(textractResources).find(([id, r]) => r.Type === "AWS::Lambda::Function" && id.startsWith("IntakeIngestDocument"))!;
    expect(ingest.Properties.Environment.Variables.OCR_ENGINE).toBe("textract");
    const statements = Object.values(textractResources)
      .filter((r) => r.Type === "AWS::IAM::Policy" && JSON.stringify(r.Properties.Roles).includes(`"${ingest.Properties.Role["Fn::GetAtt"][0]}"`))
      .flatMap((policy) => policy.Properties.PolicyDocument.Statement as { Action: string | string[]; Resource: unknown }[]);
    const actions = statements.flatMap((statement) => [statement.Action].flat());
    expect(actions).toEqual(expect.arrayContaining(["textract:StartDocumentTextDetection", "iam:PassRole"]));
    expect(actions.filter((action) => action.startsWith("sqs:SendMessage"))).toEqual([]);
    const passRole = statements.filter((statement) => [statement.Action].flat().includes("iam:PassRole"));
    expect(passRole).toEqual([expect.objectContaining({ Resource: { "Fn::GetAtt": [expect.stringMatching(/^IntakeTextractPublisherRole/), "Arn"] }, Condition: { StringEquals: { "iam:PassedToService": "textract.amazonaws.com" } } })]);
  });
});
