/** Types of test-database.mjs (plain JavaScript: global-setup.mjs imports it without a TypeScript step). */
export const TEST_DATABASE: string;
export function assertTestDatabase(url: string): void;
export function recreateTestDatabase(url: string, rolePrefix: string): Promise<void>;
/** A free TCP port on the loopback interface (the OS picks it). */
export function freePort(): Promise<number>;
export function temporaryFolder(name: string): string;
