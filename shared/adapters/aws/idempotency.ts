import { IdempotencyConfig, makeIdempotent } from "@aws-lambda-powertools/idempotency";
import { DynamoDBPersistenceLayer } from "@aws-lambda-powertools/idempotency/dynamodb";
import type { Context } from "aws-lambda";
import { dynamodb } from "./clients.ts";

/** SQS keeps a message at most 14 days; a repeat after that is a new upload, not a redelivery. */
const REMEMBER_FOR_SECONDS = 14 * 24 * 60 * 60;

/**
 * Runs `work` at most once per distinct input (Powertools idempotency, records in the idempotency
 * table). A repeat gets the first run's result; a run that threw leaves no record, so a retry runs again.
 * Call `registerLambdaContext` per invocation, so a run cut short by a timeout expires with it.
 */
export function once<TInput, TResult>(tableName: string, work: (input: TInput) => Promise<TResult>) {
  const config = new IdempotencyConfig({ expiresAfterSeconds: REMEMBER_FOR_SECONDS });
  const persistenceStore = new DynamoDBPersistenceLayer({ tableName, awsSdkV3Client: dynamodb });
  return {
    run: makeIdempotent(work, { persistenceStore, config }),
    registerLambdaContext: (context: Context) => config.registerLambdaContext(context),
  };
}
