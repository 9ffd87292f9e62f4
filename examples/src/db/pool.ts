/** A stand-in for a database pool (pg's Pool has the same shape). */
export interface QueryResult<Row> {
  rows: Row[];
}

export const pool = {
  async query<Row>(_sql: string, _params: unknown[]): Promise<QueryResult<Row>> {
    return { rows: [] };
  },
};
