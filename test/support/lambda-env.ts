/**
 * The environment the CDK stack gives the functions, with fake names and credentials, so handlers
 * load exactly as in Lambda. Import before any handler: handlers read it at module load.
 */
Object.assign(process.env, {
  AWS_REGION: "ap-southeast-1",
  AWS_ACCESS_KEY_ID: "AKIAIOSFODNN7EXAMPLE",
  AWS_SECRET_ACCESS_KEY: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
  CASES_TABLE: "thads-cases",
  MATTERS_TABLE: "thads-matters",
  ANALYTICS_TABLE: "thads-analytics",
  IDEMPOTENCY_TABLE: "thads-idempotency",
  UPLOADS_BUCKET: "thads-uploads",
  REPORTS_BUCKET: "thads-reports",
  TEXTRACT_TOPIC_ARN: "arn:aws:sns:ap-southeast-1:111122223333:thads-textract",
  TEXTRACT_ROLE_ARN: "arn:aws:iam::111122223333:role/thads-textract-publisher",
  UPLOAD_MAX_BYTES: String(50 * 1024 * 1024),
  // Tesseract is the deployed default; the handler tests of the Textract path keep Textract, and
  // ingest-document-tesseract.test.ts switches before it loads the handler.
  OCR_ENGINE: "textract",
  OCR_PAGE_QUEUE_URL: "https://sqs.ap-southeast-1.amazonaws.com/111122223333/thads-ocr-pages",
  UPLOAD_URL_TTL_SECONDS: "900",
  DOWNLOAD_URL_TTL_SECONDS: "300",
  COURT_ROLE_PREFIX: "thads-court-",
  REPORT_SCHEME: "statistical",
  POWERTOOLS_SERVICE_NAME: "thads-test",
  POWERTOOLS_METRICS_DISABLED: "true",
  POWERTOOLS_TRACE_ENABLED: "false",
});
