/** Demo mode (`npm start` sets RECOURSE_DEMO=1): one-click accounts, the dev mailbox, the movable clock. */
export function demoMode(): boolean {
  return process.env.RECOURSE_DEMO === "1";
}
