import { OcrPageTaskSchema } from "#adapters/aws/event-schemas.ts";
import { intakeDependencies, reportIntakeOutcome } from "#adapters/aws/intake-dependencies.ts";
import { sqsBatch } from "#adapters/aws/lambda-handler.ts";
import { tesseractPageJobs } from "#adapters/aws/ocr-engine.ts";
import { loadConfig } from "#shared/config.ts";
import { recognizePage, type PageDependencies } from "#use-cases/recognize-page.ts";

const config = loadConfig("recognize-page");
const engine = tesseractPageJobs(config.CASES_TABLE);
const deps: PageDependencies = {
  ...intakeDependencies(config, engine),
  pages: engine.pages,
  recognizer: engine,
};

// Runs in the container image (infra/ocr-image), where Tesseract and its Vietnamese model are installed.
export const handler = sqsBatch(OcrPageTaskSchema, async (task) => {
  const outcome = await recognizePage(task, deps);
  if (outcome) reportIntakeOutcome(outcome);
});
