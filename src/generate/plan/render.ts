import yaml from 'js-yaml';
import type { Plan } from './types.js';

/** Serialises a plan's files to text (YAML documents, TOML and sysctl.d as generated). Pure. */
export function renderPlanFiles(plan: Plan): { path: string; text: string }[] {
  return plan.files.map((f) =>
    f.kind === 'text'
      ? { path: f.path, text: f.text }
      : {
          path: f.path,
          text:
            `# ${f.comment}\n` +
            f.documents.map((d) => yaml.dump(d, { lineWidth: 120, noRefs: true, quotingType: '"' })).join('---\n'),
        },
  );
}
