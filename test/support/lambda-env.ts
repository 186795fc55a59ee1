/**
 * The environment the CDK stack gives the functions (local/environment.ts), with test resource names,
 * so handlers load exactly as in Lambda. Import before any handler: handlers read it at module load.
 */
import { functionEnvironment } from "../../local/environment.ts";

Object.assign(
  process.env,
  functionEnvironment({
    serviceName: "thads-test",
    names: {
      casesTable: "thads-cases",
      mattersTable: "thads-matters",
      analyticsTable: "thads-analytics",
      idempotencyTable: "thads-idempotency",
      uploadsBucket: "thads-uploads",
      reportsBucket: "thads-reports",
      textractTopicArn: "arn:aws:sns:ap-southeast-1:111122223333:thads-textract",
      textractRoleArn: "arn:aws:iam::111122223333:role/thads-textract-publisher",
    },
  }),
  {
    // Tesseract is the deployed default; the handler tests of the Textract path keep Textract, and
    // ingest-document-tesseract.test.ts switches before it loads the handler.
    OCR_PAGE_QUEUE_URL: "https://sqs.ap-southeast-1.amazonaws.com/111122223333/thads-ocr-pages",
  },
);
