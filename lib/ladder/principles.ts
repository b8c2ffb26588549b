/** DOMAIN.md §5: the principles an alleged violation is classed by. */
export const PRINCIPLES = [
  "notice",
  "choice",
  "onward_transfer",
  "security",
  "data_integrity",
  "access",
  "recourse",
] as const;
export type Principle = (typeof PRINCIPLES)[number];
