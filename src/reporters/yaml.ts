import yaml from 'js-yaml';
import { toJsonDocument } from './json.js';
import type { Report } from './report.js';

export const renderYaml = (report: Report): string =>
  yaml.dump(toJsonDocument(report), { noRefs: true, lineWidth: 120, sortKeys: false });
