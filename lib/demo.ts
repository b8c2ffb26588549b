/**
 * Demo mode (RECOURSE_DEMO=1, or `npm start`'s quick start): one-click accounts, the dev
 * mailbox, the movable clock. Outside it those routes answer 404. lib/config.ts decides.
 */
import { runMode } from "@/lib/config";

export function demoMode(): boolean {
  return runMode(process.env).demo;
}

/** Test mode (RECOURSE_TEST=1, set by the test harnesses): the movable clock without the demo. */
export function testMode(): boolean {
  return runMode(process.env).test;
}

/** The demo's accounts, one per role, for the sign-in page's one-click buttons (demo mode only). */
export { DEMO_USERS as demoAccounts } from "@/db/seed/demo-users";
