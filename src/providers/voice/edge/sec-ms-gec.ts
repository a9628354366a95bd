import { createHash } from 'node:crypto';

/** The public token of Edge's read-aloud feature, the same for every Edge browser. */
export const TRUSTED_CLIENT_TOKEN = '6A5AA1D4EAFF4E9FB37E23D68491D6F4';

/** Seconds from 1601-01-01 (Windows file time) to 1970-01-01. */
const WINDOWS_EPOCH_SECONDS = 11_644_473_600n;

/**
 * The Sec-MS-GEC value Edge sends: SHA-256 of the time in 100-ns Windows ticks, rounded down to five
 * minutes, followed by the client token, in upper-case hex. The service rejects a clock far off.
 */
export const secMsGec = (nowMs: number): string => {
	const seconds = BigInt(Math.floor(nowMs / 1000)) + WINDOWS_EPOCH_SECONDS;
	const ticks = (seconds - (seconds % 300n)) * 10_000_000n;
	return createHash('sha256').update(`${ticks}${TRUSTED_CLIENT_TOKEN}`, 'ascii').digest('hex').toUpperCase();
};
