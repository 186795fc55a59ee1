import { CreditCasesRequest } from "#adapters/aws/api-schemas.ts";
import { documents } from "#adapters/aws/clients.ts";
import { DynamoDbMatterRepository } from "#adapters/aws/dynamodb-matter-repository.ts";
import { httpRoute } from "#adapters/aws/lambda-handler.ts";
import { xlsxWorkbookWriter } from "#adapters/xlsx/xlsx-workbook-writer.ts";
import { vietnamDirectory } from "#domain/agencies/vietnam-directory.ts";
import { loadConfig } from "#shared/config.ts";
import { creditCaseList } from "#use-cases/matters.ts";
import { exportCreditCases } from "#use-cases/export-credit-cases.ts";

const config = loadConfig("list-credit-cases");
const matters = new DynamoDbMatterRepository(documents, config.MATTERS_TABLE);
const directory = vietnamDirectory();

export const handler = httpRoute("list-credit-cases", CreditCasesRequest, async (request, caller) => {
  const { unit, format } = request.queryStringParameters;
  const list = await creditCaseList({ unitId: unit }, { matters, directory, now: () => new Date() }, caller);
  const file = await exportCreditCases(list, format, xlsxWorkbookWriter);
  const text = format !== "xlsx";
  return {
    statusCode: 200,
    headers: { "content-type": file.contentType, ...(format !== "json" && { "content-disposition": `attachment; filename="${file.name}"` }) },
    body: file.body.toString(text ? "utf8" : "base64"),
    isBase64Encoded: !text,
  };
});
