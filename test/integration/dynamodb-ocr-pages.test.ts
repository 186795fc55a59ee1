import { CreateTableCommand, DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DynamoDbOcrPageResults } from "#adapters/aws/dynamodb-ocr-pages.ts";
import { casesTable, createTableInput } from "#adapters/aws/table-design.ts";
import type { PageText } from "#ports/ocr-engine.ts";
import { startDynamoDbLocal, type DynamoDbLocal } from "../../local/dynamodb-local.ts";
import { LOCAL_CREDENTIALS, REGION } from "../../local/environment.ts";

const page = (pageNumber: number): PageText => ({
  pageNumber,
  source: "ocr",
  lines: [{ text: `Trang ${pageNumber}: Bà Nguyễn Thị Hồng Nhung phải trả 150.000.000 đồng`, confidence: 0.9, box: { left: 0.1, top: 0.2, width: 0.7, height: 0.02 } }],
});

let server: DynamoDbLocal;
let pages: DynamoDbOcrPageResults;

beforeAll(async () => {
  server = await startDynamoDbLocal({ dataDir: null });
  const dynamodb = new DynamoDBClient({ region: REGION, endpoint: server.endpoint, credentials: LOCAL_CREDENTIALS });
  await dynamodb.send(new CreateTableCommand(createTableInput(casesTable, "cases")));
  pages = new DynamoDbOcrPageResults(DynamoDBDocumentClient.from(dynamodb), "cases");
}, 120_000);

afterAll(() => server?.stop());

describe("page results of a Tesseract job in DynamoDB (DynamoDB Local)", () => {
  it("keeps each page, counts a redelivered page once, and says complete only when every page is in", async () => {
    await pages.save("job-a", page(2));
    expect(await pages.markDone("job-a", 2, 3)).toBe(false);
    expect(await pages.markDone("job-a", 2, 3)).toBe(false);
    await pages.save("job-a", page(1));
    expect(await pages.markDone("job-a", 1, 3)).toBe(false);
    await pages.save("job-a", page(3));
    expect(await pages.markDone("job-a", 3, 3)).toBe(true);

    expect(await pages.has("job-a", 2)).toBe(true);
    expect(await pages.has("job-a", 4)).toBe(false);
    expect(await pages.all("job-a")).toEqual([page(1), page(2), page(3)]);
  });

  it("lets exactly one of the pages finishing at the same moment see the job complete", async () => {
    const numbers = Array.from({ length: 40 }, (_, i) => i + 1);
    await Promise.all(numbers.map((n) => pages.save("job-b", page(n))));

    const complete = await Promise.all(numbers.map((n) => pages.markDone("job-b", n, 40)));

    expect(complete.filter(Boolean)).toHaveLength(1);
    expect((await pages.all("job-b")).map((p) => p.pageNumber)).toEqual(numbers);
  });
});
