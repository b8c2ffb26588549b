/**
 * The recourse ladder: every rule of DOMAIN.md as pure functions of a case's facts and
 * `now`. No I/O, no clock of its own. See docs/ladder.md for the rule-by-rule map.
 */
export * from "./frameworks";
export * from "./coverage";
export * from "./certification";
export * from "./policy";
export * from "./calendar";
export * from "./remedies";
export * from "./events";
export * from "./routing";
export * from "./facts";
export * from "./case-state";
export * from "./clocks";
export * from "./snapshot";
export * from "./arbitration-gate";
export * from "./enforcement";
export * from "./transitions";
export * from "./next-actions";
export * from "./case-view";
export * from "./status";
export * from "./reminders";
export * from "./principles";
export * from "./body-inbox";
