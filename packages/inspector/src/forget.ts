import type { Prisma } from "@seven-steps/db";

/** Whose recordings to forget: the users (by `sub`) and the clients (by `client_id`). */
export interface RecordingOwners {
  subjects: string[];
  clientIds: string[];
}

/** How many recorded rows of each kind {@link forgetRecordingsOf} deleted. */
export interface ForgottenRecordings {
  exchanges: number;
  flows: number;
  correlations: number;
}

/**
 * Deletes what the inspector recorded about some users and clients, for a workshop room's
 * reset: the flows of those users (every message in them, and the values that linked them), and
 * any other message recorded as about one of those users or clients. Flows of other users stay,
 * less the messages their own client recorded about one of these clients, if any.
 *
 * Runs on the transaction it is given, so that the recordings go with the accounts or not at all.
 */
export async function forgetRecordingsOf(database: Prisma.TransactionClient, owners: RecordingOwners): Promise<ForgottenRecordings> {
  const flows = await database.recordedFlow.findMany({ where: { subject: { in: owners.subjects } }, select: { id: true } });
  const flowIds = flows.map((flow) => flow.id);
  const exchanges = await database.protocolExchange.deleteMany({
    where: { OR: [{ flowId: { in: flowIds } }, { subject: { in: owners.subjects } }, { clientId: { in: owners.clientIds } }] },
  });
  const correlations = await database.flowCorrelation.deleteMany({ where: { flowId: { in: flowIds } } });
  const deletedFlows = await database.recordedFlow.deleteMany({ where: { id: { in: flowIds } } });
  return { exchanges: exchanges.count, flows: deletedFlows.count, correlations: correlations.count };
}
