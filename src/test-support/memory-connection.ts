// A connection that answers from memory instead of a server, for the benches and tests that time or count the
// element's own work: every QueryRange gets `response`, Labels gets `labelNames`, and anything else is refused.
import { type MessageInitShape, create } from '@bufbuild/protobuf';
import type { ParcaConnection } from '../client/connection.js';
import { LabelsResponseSchema, type QueryRangeRequestSchema, type QueryRangeResponse } from '../gen/parca/query/v1alpha1/query_pb.js';

/** `onQueryRange` hears of each QueryRange call as it is made (to count calls, or to time from the answer). */
export function memoryConnection(
  response: QueryRangeResponse,
  labelNames: string[],
  onQueryRange: (request: MessageInitShape<typeof QueryRangeRequestSchema>) => void = () => {},
): ParcaConnection {
  const unused = () => Promise.reject(new Error('not answered from memory'));
  return {
    url: 'memory:',
    name: 'memory',
    authenticated: false,
    callsInFlight: 0,
    outcomes: { answered: 0, failedTransiently: 0 },
    profileTypes: unused,
    values: unused,
    query: unused,
    labels: () => Promise.resolve(create(LabelsResponseSchema, { labelNames })),
    queryRange: (request) => {
      onQueryRange(request);
      return Promise.resolve(response);
    },
  };
}
