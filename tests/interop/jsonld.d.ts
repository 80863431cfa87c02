/** The part of jsonld.js the interop tests use (the package ships no types). */
declare module 'jsonld' {
  type Loader = (url: string) => Promise<{ contextUrl: string | null; documentUrl: string; document: unknown }>;
  const jsonld: {
    expand(doc: unknown, options?: { documentLoader?: Loader }): Promise<Record<string, unknown>[]>;
    compact(doc: unknown, context: unknown, options?: { documentLoader?: Loader }): Promise<Record<string, unknown>>;
  };
  export default jsonld;
}
