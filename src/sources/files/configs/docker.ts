import { basename } from 'node:path';
import type { DockerConfig } from '../../../model/components/types.js';
import { isRecord } from '../../../model/object.js';
import type { ComponentFileReader } from '../component-readers.js';
import { yamlLineMap } from './line-map.js';
import { fileRef, fileSource, parseProblem } from './common.js';

/** Docker Engine daemon.json (JSON; read through the YAML Document API for lines). */
export const DOCKER_READER: ComponentFileReader = {
  name: 'docker-daemon',
  matches: (file) => basename(file) === 'daemon.json' || /(^|[./-])daemon\.json$/.test(basename(file)),
  read(text, file, firstLine = 1) {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (e) {
      return {
        components: [],
        diagnostics: [parseProblem(file, firstLine, `invalid JSON: ${e instanceof Error ? e.message : String(e)}`)],
      };
    }
    if (!isRecord(value))
      return { components: [], diagnostics: [parseProblem(file, firstLine, 'daemon.json must be a JSON object')] };
    const cfg: DockerConfig = {
      component: 'docker',
      ref: fileRef('DockerDaemonConfig', file),
      source: fileSource(file, firstLine, yamlLineMap(text, firstLine)),
      apiVersion: 'docker/daemon.json',
      raw: value,
      base: [],
    };
    return { components: [cfg], diagnostics: [] };
  },
};
