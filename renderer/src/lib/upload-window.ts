// How many uploads the renderer keeps in flight at once (useImport; bench:import's bridge side sends the same
// way). Several requests in flight let the main process's group commit write files arriving together in one
// commit instead of one commit (one fsync, one index pass) per upload; the byte bound keeps large files from
// piling up in memory (a file larger than it is sent alone).
export const UPLOADS_IN_FLIGHT = 8;
export const UPLOAD_BYTES_IN_FLIGHT = 32 * 1024 * 1024;
