/** A stand-in for a database pool (pg's Pool has the same shape). */
export interface QueryResult<Row> {
  rows: Row[];
}

export interface Client {
  query<Row>(sql: string, params?: unknown[]): Promise<QueryResult<Row>>;
  release(): void;
}

export const pool = {
  async query<Row>(_sql: string, _params: unknown[]): Promise<QueryResult<Row>> {
    return { rows: [] };
  },
  async connect(): Promise<Client> {
    return { query: async () => ({ rows: [] }), release: () => undefined };
  },
};
