/** A timestamptz as the store interfaces give times: an ISO string in UTC, as the SQLite store writes them. */
export const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);
