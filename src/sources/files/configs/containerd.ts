import type { JsonPath } from '../../../core/json-path.js';
import type { ContainerdConfig } from '../../../model/components/types.js';
import { asNumber } from '../../../model/object.js';
import type { ComponentFileReader } from '../component-readers.js';
import { ext, fileRef, fileSource, parseProblem } from './common.js';
import { parseToml, TomlError } from './toml.js';

const V2_CRI: JsonPath = ['plugins', 'io.containerd.grpc.v1.cri'];

/** containerd config.toml, version 2 (CRI plugin `io.containerd.grpc.v1.cri`) or 3 (`io.containerd.cri.v1.*`). */
export const CONTAINERD_READER: ComponentFileReader = {
  name: 'containerd',
  matches: (file, head) =>
    ext(file) === '.toml' && (head === '' || /io\.containerd|^\s*version\s*=\s*[23]|\[plugins/m.test(head)),
  read(text, file, firstLine = 1) {
    let parsed;
    try {
      parsed = parseToml(text, firstLine);
    } catch (e) {
      if (e instanceof TomlError)
        return { components: [], diagnostics: [parseProblem(file, e.line, `invalid TOML: ${e.message}`)] };
      throw e;
    }
    const version = asNumber(parsed.value['version']) ?? 1;
    const v3 = version >= 3;
    const cfg: ContainerdConfig = {
      component: 'containerd',
      ref: fileRef('ContainerdConfig', file),
      source: fileSource(file, firstLine, parsed.lines),
      apiVersion: `containerd/v${version}`,
      raw: parsed.value,
      base: [],
      version,
      criRuntimePath: v3 ? ['plugins', 'io.containerd.cri.v1.runtime'] : V2_CRI,
      criImagesPath: v3 ? ['plugins', 'io.containerd.cri.v1.images'] : V2_CRI,
    };
    const diagnostics =
      version < 2
        ? [
            {
              code: 'config' as const,
              severity: 'warning' as const,
              file,
              line: firstLine,
              message: `${file}: containerd config without "version = 2" or 3 is read as version 1, which containerd 2.x no longer accepts`,
            },
          ]
        : [];
    return { components: [cfg], diagnostics };
  },
};
