/**
 * Reads Electron's bundled type definitions (node_modules/electron/electron.d.ts) and the shell's
 * sources with the TypeScript compiler: what Electron declares (members, statics, events per
 * interface or class, the main and renderer exports), and what the shell uses of it.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const ELECTRON_DTS = `${ROOT}node_modules/electron/electron.d.ts`;
const EMITTER = ['on', 'once', 'off', 'addListener', 'removeListener', 'removeAllListeners', 'emit', 'listenerCount'];

interface Declared {
  members: Set<string>;
  statics: Set<string>;
  events: Set<string>;
  bases: string[];
}

function eventOf(m: ts.ClassElement | ts.TypeElement): string | null {
  if (!(ts.isMethodDeclaration(m) || ts.isMethodSignature(m)) || !m.name || m.name.getText() !== 'on') return null;
  const t = m.parameters[0]?.type;
  return t && ts.isLiteralTypeNode(t) && ts.isStringLiteral(t.literal) ? t.literal.text : null;
}

/** Everything declared in `declare namespace Electron` (own declarations; see `lookup` for the inherited ones). */
export function readElectronDts(): { lookup(name: string): Declared | null; exports(ns: 'Main' | 'Renderer'): Set<string> } {
  const sf = ts.createSourceFile(ELECTRON_DTS, readFileSync(ELECTRON_DTS, 'utf8'), ts.ScriptTarget.Latest, true);
  const own = new Map<string, Declared>();
  const nsExports = new Map<string, Set<string>>();
  const electron = sf.statements.find((s): s is ts.ModuleDeclaration => ts.isModuleDeclaration(s) && s.name.getText() === 'Electron');
  const body = electron?.body;
  if (!body || !ts.isModuleBlock(body)) throw new Error('electron.d.ts: no namespace Electron');
  for (const st of body.statements) {
    if (ts.isModuleDeclaration(st) && st.body && ts.isModuleBlock(st.body)) {
      const names = new Set<string>();
      for (const inner of st.body.statements) {
        if (ts.isClassDeclaration(inner) && inner.name) names.add(inner.name.text);
        if (ts.isVariableStatement(inner)) for (const d of inner.declarationList.declarations) names.add(d.name.getText());
      }
      nsExports.set(st.name.getText(), names);
      continue;
    }
    let name: string | undefined;
    let elements: readonly (ts.ClassElement | ts.TypeElement)[] = [];
    let heritage: readonly ts.HeritageClause[] = [];
    if ((ts.isClassDeclaration(st) || ts.isInterfaceDeclaration(st)) && st.name) {
      name = st.name.text;
      elements = st.members;
      heritage = st.heritageClauses ?? [];
    } else if (ts.isTypeAliasDeclaration(st)) {
      name = st.name.text;
      const lit = ts.isIntersectionTypeNode(st.type) ? st.type.types.find(ts.isTypeLiteralNode) : ts.isTypeLiteralNode(st.type) ? st.type : undefined;
      elements = lit?.members ?? [];
    }
    if (!name) continue;
    const d: Declared = own.get(name) ?? { members: new Set(), statics: new Set(), events: new Set(), bases: [] };
    for (const m of elements) {
      const n = m.name?.getText();
      if (!n) continue;
      const isStatic = ts.canHaveModifiers(m) && (ts.getModifiers(m) ?? []).some((x) => x.kind === ts.SyntaxKind.StaticKeyword);
      (isStatic ? d.statics : d.members).add(n);
      const ev = eventOf(m);
      if (ev) d.events.add(ev);
    }
    for (const h of heritage) for (const t of h.types) d.bases.push(t.expression.getText());
    own.set(name, d);
  }
  const lookup = (name: string): Declared | null => {
    const d = own.get(name);
    if (!d) return null;
    const all: Declared = { members: new Set(d.members), statics: new Set(d.statics), events: new Set(d.events), bases: [...d.bases] };
    for (const base of d.bases) {
      if (base === 'NodeEventEmitter' || base === 'NodeJS.EventEmitter') EMITTER.forEach((m) => all.members.add(m));
      const b = lookup(base);
      if (b) for (const k of ['members', 'statics', 'events'] as const) b[k].forEach((x) => all[k].add(x));
      if (b) all.bases.push(...b.bases);
    }
    return all;
  };
  // Common holds what both processes may import (shell, clipboard, nativeImage…).
  return { lookup, exports: (ns) => new Set([...(nsExports.get(ns) ?? []), ...(nsExports.get('Common') ?? [])]) };
}

export interface ShellUse {
  /** 'Owner.member' (owner: the electron.d.ts interface, class or type that declares it); statics as 'Owner::member'. */
  members: Set<string>;
  /** 'Owner@event' for `x.on('event')` / `x.once('event')`. */
  events: Set<string>;
  /** Value imports from 'electron', by file kind. */
  mainImports: Set<string>;
  preloadImports: Set<string>;
}

/** Every use of an Electron API in electron/main and electron/preload, found through the type checker. */
export function shellElectronUse(): ShellUse {
  const cfg = ts.readConfigFile(`${ROOT}tsconfig.node.json`, (p) => ts.sys.readFile(p));
  const parsed = ts.parseJsonConfigFileContent(cfg.config, ts.sys, ROOT);
  const roots = parsed.fileNames.filter((f) => f.startsWith(`${ROOT}electron/`));
  const program = ts.createProgram(roots, { ...parsed.options, noEmit: true, composite: false, incremental: false, declaration: false, emitDeclarationOnly: false });
  const checker = program.getTypeChecker();
  const use: ShellUse = { members: new Set(), events: new Set(), mainImports: new Set(), preloadImports: new Set() };
  const ownerOf = (decl: ts.Node): string | null => {
    if (!decl.getSourceFile().fileName.endsWith('electron/electron.d.ts')) return null;
    for (let n: ts.Node | undefined = decl.parent; n; n = n.parent)
      if ((ts.isClassDeclaration(n) || ts.isInterfaceDeclaration(n) || ts.isTypeAliasDeclaration(n)) && n.name) return n.name.text;
    return null;
  };
  const note = (sym: ts.Symbol | undefined, name: string): string | null => {
    for (const decl of sym?.declarations ?? []) {
      const owner = ownerOf(decl);
      if (!owner) continue;
      const isStatic = ts.canHaveModifiers(decl) && (ts.getModifiers(decl) ?? []).some((x) => x.kind === ts.SyntaxKind.StaticKeyword);
      use.members.add(`${owner}${isStatic ? '::' : '.'}${name}`);
      return owner;
    }
    return null;
  };
  for (const sf of program.getSourceFiles()) {
    if (!roots.includes(sf.fileName)) continue;
    const imports = sf.fileName.includes('/electron/preload/') ? use.preloadImports : use.mainImports;
    const visit = (node: ts.Node): void => {
      if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier) && node.moduleSpecifier.text === 'electron' && !node.importClause?.isTypeOnly) {
        const named = node.importClause?.namedBindings;
        if (named && ts.isNamedImports(named)) for (const s of named.elements) if (!s.isTypeOnly) imports.add((s.propertyName ?? s.name).text);
      }
      if (ts.isPropertyAccessExpression(node)) {
        const owner = note(checker.getSymbolAtLocation(node.name), node.name.text);
        const call = node.parent;
        if (owner && (node.name.text === 'on' || node.name.text === 'once') && ts.isCallExpression(call) && call.expression === node) {
          const first = call.arguments[0];
          if (first && ts.isStringLiteral(first)) use.events.add(`${owner}@${first.text}`);
        }
      }
      if (ts.isBindingElement(node) && ts.isObjectBindingPattern(node.parent)) {
        const key = (node.propertyName ?? node.name).getText();
        note(checker.getTypeAtLocation(node.parent).getProperty(key), key);
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return use;
}
