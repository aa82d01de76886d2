import ts from 'typescript';

/** A `createRequire(...)` whose loads dependency-cruiser would not see as imports. */
export interface HiddenRequire {
  readonly line: number;
  readonly text: string;
}

/**
 * The `createRequire(...)` calls in a module whose result is not bound to one of `names` (the names
 * dependency-cruiser reads as `require`, `exoticRequireStrings`): called directly, passed on, or bound to another
 * name, their loads would escape the layering check. `createRequire(...).resolve(...)` only resolves a path: allowed.
 */
export function hiddenRequires(source: string, names: readonly string[], file = 'module.ts'): HiddenRequire[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const found: HiddenRequire[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'createRequire') {
      const parent = node.parent;
      const bound =
        ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name) && names.includes(parent.name.text);
      const resolveOnly =
        ts.isPropertyAccessExpression(parent) && parent.name.text === 'resolve' && ts.isCallExpression(parent.parent);
      if (!bound && !resolveOnly) {
        const { line } = sf.getLineAndCharacterOfPosition(node.getStart(sf));
        found.push({ line: line + 1, text: parent.getText(sf).slice(0, 120) });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}
