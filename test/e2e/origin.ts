/**
 * Where the e2e pages are served. `E2E_PORT` lets two checkouts run the suite side by side on one machine;
 * the default is the port the suite has always used.
 */
export const PAGE_PORT = Number(process.env.E2E_PORT ?? 4320);
export const PAGE_ORIGIN = `http://127.0.0.1:${PAGE_PORT}`;

/** A port for a test's own endpoint, kept beside the page port so side-by-side runs do not collide. */
export const sidePort = (offset: number) => PAGE_PORT + offset;
