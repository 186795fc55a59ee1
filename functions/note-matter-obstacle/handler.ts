import { NoteObstacleRequest } from "#adapters/aws/api-schemas.ts";
import { documents } from "#adapters/aws/clients.ts";
import { DynamoDbMatterRepository } from "#adapters/aws/dynamodb-matter-repository.ts";
import { httpRoute, json } from "#adapters/aws/lambda-handler.ts";
import { loadConfig } from "#shared/config.ts";
import { logger } from "#shared/observability.ts";
import { noteMatterObstacle } from "#use-cases/matters.ts";

const config = loadConfig("note-matter-obstacle");
const matters = new DynamoDbMatterRepository(documents, config.MATTERS_TABLE);

export const handler = httpRoute("note-matter-obstacle", NoteObstacleRequest, async (request, caller) => {
  const matter = await noteMatterObstacle({ matterId: request.pathParameters.matterId, note: request.body.note, caller }, { matters, now: () => new Date() });
  logger.info("matter obstacle noted", { matterId: matter.id, obstacles: matter.obstacles?.length ?? 0 });
  return json(200, { matter });
});
