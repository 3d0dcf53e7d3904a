import path from 'node:path';
import ts from 'typescript';
import { WEB_DIR } from './repo-paths.js';

/**
 * "Generated client everywhere" for apps/web, as rules over the TypeScript sources (tests and test helpers excluded):
 *
 * 1. One door to the API. Only the client and session modules (lib/api-client.ts, lib/session.ts) may do HTTP
 *    themselves: nowhere else a `fetch(…)` / `x.fetch(…)` call, `new XMLHttpRequest|EventSource|WebSocket`,
 *    `navigator.sendBeacon`, an import of `openapi-fetch` or `axios`, or a call of `createApiClient`.
 * 2. API paths only through the generated client. A string or template literal that starts with `/api` may only be
 *    the path argument of a generated-client call (`client.GET('/api/v1/…', …)`, also POST/PUT/PATCH/DELETE/…) or a
 *    key in a type (`paths['/api/v1/…']`), so every request and its types come from the OpenAPI document.
 * 3. No copies of API shapes. An interface or object type literal declared in apps/web with three or more
 *    properties, every one of which a single object shape of the generated schema (a DTO, a request body, a query)
 *    also has with the very same type, is a hand-written copy of an API type: derive it (`components['schemas'][…]`,
 *    `Pick<…>`, indexed access) instead. Two-property shapes are left out: `{ region, caseId }` props are not copies.
 * 4. Names of wire types are derived. A type or interface named `…Dto`, `…Body`, `…Request`, `…Response` or
 *    `…Payload` must be a type alias built from `components`, `paths` or `operations` of `@leerwinkel/contracts`
 *    (directly, or through other aliases that are).
 *
 * TypeScript already checks every call's body, parameters and answer against the generated types; these rules catch
 * what it cannot: requests around the client and hand-written duplicates of its types.
 */
export interface RuleFinding {
  rule: 'one-door' | 'api-path' | 'copied-shape' | 'derived-name';
  /** Path under apps/web/src, and line. */
  where: string;
  message: string;
}

/** The modules that own HTTP: the client (baseUrl, middleware) and the session (token refresh, retry). */
const CLIENT_MODULES = new Set(['lib/api-client.ts', 'lib/session.ts']);
const HTTP_METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'TRACE']);
const FORBIDDEN_IMPORTS = new Set(['openapi-fetch', 'axios']);
const WIRE_NAME = /(?:Dto|Body|Request|Response|Payload)$/;
const MIN_COPIED_PROPERTIES = 3;

export interface RuleOptions {
  /** Extra source files, path (under apps/web/src) → text: lets a test prove that the rules catch a violation. */
  extraFiles?: Record<string, string>;
}

/** Runs the four rules over apps/web/src. Returns every finding (none: the code keeps to the rules). */
export function checkWebApiRules(options: RuleOptions = {}): RuleFinding[] {
  const srcDir = path.join(WEB_DIR, 'src');
  const virtual = new Map(
    Object.entries(options.extraFiles ?? {}).map(([file, text]) => [path.join(srcDir, file), text]),
  );
  const config = ts.getParsedCommandLineOfConfigFile(
    path.join(WEB_DIR, 'tsconfig.json'),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
        throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
      },
    },
  );
  if (!config) throw new Error('apps/web/tsconfig.json could not be read');
  const host = ts.createCompilerHost(config.options);
  const getSourceFile = host.getSourceFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  const readFile = host.readFile.bind(host);
  host.getSourceFile = (fileName, language, ...rest) => {
    const text = virtual.get(path.normalize(fileName));
    return text === undefined
      ? getSourceFile(fileName, language, ...rest)
      : ts.createSourceFile(fileName, text, language, true);
  };
  host.fileExists = (fileName) => virtual.has(path.normalize(fileName)) || fileExists(fileName);
  host.readFile = (fileName) => virtual.get(path.normalize(fileName)) ?? readFile(fileName);
  const program = ts.createProgram({
    rootNames: [...config.fileNames, ...virtual.keys()],
    options: config.options,
    host,
  });
  const checker = program.getTypeChecker();

  const schemaFile = program
    .getSourceFiles()
    .find((file) => file.fileName.endsWith('libs/contracts/src/api/schema.ts'));
  if (!schemaFile)
    throw new Error('The generated schema (libs/contracts/src/api/schema.ts) is not part of the web program');

  const typeText = (node: ts.TypeNode): string =>
    checker.typeToString(
      checker.getTypeFromTypeNode(node),
      undefined,
      ts.TypeFormatFlags.NoTruncation | ts.TypeFormatFlags.InTypeAlias,
    );
  const propertiesOf = (members: ts.NodeArray<ts.TypeElement>): Map<string, string> => {
    const properties = new Map<string, string>();
    for (const member of members) {
      if (
        ts.isPropertySignature(member) &&
        member.type &&
        (ts.isIdentifier(member.name) || ts.isStringLiteral(member.name))
      ) {
        properties.set(member.name.text, typeText(member.type));
      }
    }
    return properties;
  };

  // Every object shape of the generated schema (DTOs, bodies, parameters): name → type text.
  const apiShapes: Map<string, string>[] = [];
  const collectShapes = (node: ts.Node): void => {
    if (ts.isTypeLiteralNode(node)) {
      const properties = propertiesOf(node.members);
      if (properties.size >= MIN_COPIED_PROPERTIES) apiShapes.push(properties);
    }
    ts.forEachChild(node, collectShapes);
  };
  collectShapes(schemaFile);

  /** Whether a type node is built from the generated schema (directly or through aliases that are). */
  const derivedMemo = new Map<ts.Node, boolean>();
  const isDerived = (typeNode: ts.Node): boolean => {
    const known = derivedMemo.get(typeNode);
    if (known !== undefined) return known;
    derivedMemo.set(typeNode, false); // cycle guard
    let derived = false;
    const visit = (node: ts.Node): void => {
      if (derived) return;
      if (ts.isIdentifier(node)) {
        let symbol = checker.getSymbolAtLocation(node);
        if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
        for (const declaration of symbol?.declarations ?? []) {
          if (declaration.getSourceFile() === schemaFile) derived = true;
          else if (ts.isTypeAliasDeclaration(declaration) && isDerived(declaration.type)) derived = true;
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(typeNode);
    derivedMemo.set(typeNode, derived);
    return derived;
  };

  const findings: RuleFinding[] = [];
  for (const file of program.getSourceFiles()) {
    const relative = path.relative(srcDir, file.fileName).split(path.sep).join('/');
    if (relative.startsWith('..') || /\.test\.tsx?$/.test(relative) || relative.startsWith('test/')) continue;
    const ownsHttp = CLIENT_MODULES.has(relative);
    const report = (rule: RuleFinding['rule'], node: ts.Node, message: string): void => {
      const line = file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1;
      findings.push({ rule, where: `${relative}:${String(line)}`, message });
    };

    const visit = (node: ts.Node): void => {
      // 1. One door.
      if (!ownsHttp) {
        if (ts.isCallExpression(node)) {
          const callee = node.expression;
          const name = ts.isIdentifier(callee)
            ? callee.text
            : ts.isPropertyAccessExpression(callee)
              ? callee.name.text
              : undefined;
          if (name === 'fetch')
            report('one-door', node, 'calls fetch() itself: use the generated client (lib/api-client)');
          if (name === 'createApiClient')
            report('one-door', node, 'creates its own API client: use useApiClient() from lib/api-client');
          if (name === 'sendBeacon') report('one-door', node, 'sends a beacon: use the generated client');
        }
        if (
          ts.isNewExpression(node) &&
          ts.isIdentifier(node.expression) &&
          ['XMLHttpRequest', 'EventSource', 'WebSocket'].includes(node.expression.text)
        ) {
          report('one-door', node, `opens a ${node.expression.text}: use the generated client`);
        }
        if (
          ts.isImportDeclaration(node) &&
          ts.isStringLiteral(node.moduleSpecifier) &&
          FORBIDDEN_IMPORTS.has(node.moduleSpecifier.text)
        ) {
          report(
            'one-door',
            node,
            `imports ${node.moduleSpecifier.text}: only lib/api-client.ts and lib/session.ts talk HTTP`,
          );
        }
      }
      // 2. API paths only as the generated client's path argument or a type key.
      const literalText =
        ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)
          ? node.text
          : ts.isTemplateExpression(node)
            ? node.head.text
            : undefined;
      if (
        !ownsHttp &&
        literalText !== undefined &&
        /^\/api(?:\/|$|\?)/.test(literalText) &&
        !isClientPathArgument(node) &&
        !isInsideType(node)
      ) {
        report(
          'api-path',
          node,
          `names the API path ${literalText} outside a generated-client call (client.GET('/api/…'))`,
        );
      }
      // 3. Copies of API shapes.
      if ((ts.isInterfaceDeclaration(node) || ts.isTypeLiteralNode(node)) && !isDerivedTypeLiteral(node)) {
        const properties = propertiesOf(node.members);
        if (
          properties.size >= MIN_COPIED_PROPERTIES &&
          apiShapes.some((shape) => [...properties].every(([key, type]) => shape.get(key) === type))
        ) {
          report(
            'copied-shape',
            node,
            `${declarationName(node)} repeats ${String(properties.size)} properties of a generated API type (${[...properties.keys()].join(', ')}): derive it from @leerwinkel/contracts`,
          );
        }
      }
      // 4. Wire-type names are derived aliases.
      if ((ts.isInterfaceDeclaration(node) || ts.isTypeAliasDeclaration(node)) && WIRE_NAME.test(node.name.text)) {
        if (ts.isInterfaceDeclaration(node) || !isDerived(node.type)) {
          report(
            'derived-name',
            node,
            `${node.name.text} is named like an API type but is not derived from components/paths/operations of @leerwinkel/contracts`,
          );
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
  }
  return findings;

  /** An object type whose every property is typed from the schema (`{ status: Referral['status'] }`) is derived. */
  function isDerivedTypeLiteral(node: ts.InterfaceDeclaration | ts.TypeLiteralNode): boolean {
    return node.members.every(
      (member) => ts.isPropertySignature(member) && member.type !== undefined && isDerived(member.type),
    );
  }
}

function isClientPathArgument(node: ts.Node): boolean {
  const call = node.parent;
  return (
    ts.isCallExpression(call) &&
    call.arguments[0] === node &&
    ts.isPropertyAccessExpression(call.expression) &&
    HTTP_METHODS.has(call.expression.name.text)
  );
}

function isInsideType(node: ts.Node): boolean {
  return ts.findAncestor(node.parent, ts.isTypeNode) !== undefined;
}

function declarationName(node: ts.InterfaceDeclaration | ts.TypeLiteralNode): string {
  if (ts.isInterfaceDeclaration(node)) return `interface ${node.name.text}`;
  const parent = node.parent;
  if (ts.isTypeAliasDeclaration(parent)) return `type ${parent.name.text}`;
  return 'an object type';
}
