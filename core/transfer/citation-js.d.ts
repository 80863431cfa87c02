/** Types for the parts of citation-js's name parser ClaimTrail uses (the package ships none). */
declare module '@citation-js/name' {
  export function parse(name: string): Record<string, string> | undefined;
  export function format(name: Record<string, string>, reversed?: boolean): string;
}
