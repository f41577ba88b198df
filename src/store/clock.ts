/** Times in the store: ISO-8601 UTC text, which sorts and compares the same way in SQLite and PostgreSQL. */
export const now = () => new Date().toISOString();
