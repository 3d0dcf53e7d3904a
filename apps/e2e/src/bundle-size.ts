import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { WEB_DIST } from './repo-paths.js';

/** The budget of issue 8: the JavaScript a first visit downloads, gzipped. 1 kB = 1,000 bytes (as Vite reports). */
export const INITIAL_JS_BUDGET_BYTES = 250_000;

export interface InitialJs {
  /** The entry chunk first, then every chunk it pulls in statically, as paths under dist/. */
  files: { file: string; bytes: number; gzipBytes: number }[];
  bytes: number;
  gzipBytes: number;
  /** How the set was found. */
  source: 'manifest' | 'index.html';
}

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
}

/**
 * The initial JavaScript of the built SPA: the entry chunk and, transitively, every chunk it imports statically
 * (dynamic `import()`s — the lazily loaded pages — are left out). Read from dist/.vite/manifest.json when the build
 * writes one; otherwise from index.html (the module script and its modulepreload links) together with the static
 * `import … from "./chunk.js"` statements inside the chunks, so a chunk the HTML forgot to preload still counts.
 * Sizes are gzip at Node's default level (6), what a server compressing on the fly typically sends.
 */
export function measureInitialJs(distDir: string = WEB_DIST): InitialJs {
  const manifestFile = path.join(distDir, '.vite', 'manifest.json');
  const { files, source } = existsSync(manifestFile)
    ? {
        files: fromManifest(JSON.parse(readFileSync(manifestFile, 'utf8')) as Record<string, ManifestChunk>),
        source: 'manifest' as const,
      }
    : { files: fromIndexHtml(distDir), source: 'index.html' as const };
  const sized = files.map((file) => {
    const content = readFileSync(path.join(distDir, file));
    return { file, bytes: content.length, gzipBytes: gzipSync(content).length };
  });
  return {
    files: sized,
    bytes: sized.reduce((sum, file) => sum + file.bytes, 0),
    gzipBytes: sized.reduce((sum, file) => sum + file.gzipBytes, 0),
    source,
  };
}

function fromManifest(manifest: Record<string, ManifestChunk>): string[] {
  const entries = Object.entries(manifest).filter(([, chunk]) => chunk.isEntry === true && chunk.file.endsWith('.js'));
  if (entries.length === 0) throw new Error('The Vite manifest names no JavaScript entry');
  const seen = new Set<string>();
  const visit = (key: string): void => {
    const chunk = manifest[key];
    if (!chunk || seen.has(chunk.file)) return;
    seen.add(chunk.file);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  for (const [key] of entries) visit(key);
  return [...seen];
}

function fromIndexHtml(distDir: string): string[] {
  const indexFile = path.join(distDir, 'index.html');
  if (!existsSync(indexFile))
    throw new Error(`${indexFile} is missing: build the web app first (pnpm --filter @leerwinkel/web build)`);
  const html = readFileSync(indexFile, 'utf8');
  const tags = [...html.matchAll(/<(script|link)\b[^>]*>/g)].map((match) => match[0]);
  const attribute = (tag: string, name: string): string | undefined =>
    new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
  const entry = tags
    .filter((tag) => tag.startsWith('<script') && attribute(tag, 'type') === 'module')
    .map((tag) => attribute(tag, 'src'));
  const preloads = tags
    .filter((tag) => tag.startsWith('<link') && attribute(tag, 'rel') === 'modulepreload')
    .map((tag) => attribute(tag, 'href'));
  const roots = [...entry, ...preloads]
    .filter((src): src is string => src !== undefined)
    .map((src) => src.replace(/^\//, ''));
  if (entry.length === 0) throw new Error(`${indexFile} has no <script type="module" src="…">`);

  const seen = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    const full = path.join(distDir, file);
    if (!existsSync(full)) throw new Error(`${file} is referenced but not in ${distDir}`);
    seen.add(file);
    const code = readFileSync(full, 'utf8');
    // Static imports only: `import{a}from"./x.js"`, `import"./x.js"`, `export{b}from"./x.js"`; not `import("./x.js")`.
    for (const match of code.matchAll(/(?:\bimport|\bexport)\s*(?:[\w$*{][^'"();]*?\bfrom\s*)?["']([^"']+\.js)["']/g)) {
      const specifier = match[1];
      if (specifier === undefined || !specifier.startsWith('.')) continue;
      visit(path.posix.join(path.posix.dirname(file), specifier));
    }
  };
  for (const root of roots) visit(root);
  return [...seen];
}
