/**
 * A stand-in for a database pool (pg's Pool has the same shape). Like a real pool, a query can
 * fail: here when no database is configured, in production on a lost connection or a constraint.
 */
export interface QueryResult<Row> {
  rows: Row[];
}

export interface Client {
  query<Row>(sql: string, params?: unknown[]): Promise<QueryResult<Row>>;
  release(): void;
}

export const pool = {
  async query<Row>(_sql: string, _params: unknown[]): Promise<QueryResult<Row>> {
    if (!process.env.DATABASE_URL) throw new Error('DATABASE_URL is not set');
    return { rows: [] };
  },
  async connect(): Promise<Client> {
    return { query: async () => ({ rows: [] }), release: () => undefined };
  },
};
