import type { ComponentConfigBase } from '../../model/component-config.js';
import type { Diagnostic } from '../../model/diagnostic.js';

/** Reads a non-Kubernetes config file (containerd TOML, sysctl.conf, systemd unit, flag file...). */
export interface ComponentFileReader {
  readonly name: string;
  /** Whether this reader handles the file (by path and, when needed, its first bytes). */
  matches(file: string, head: string): boolean;
  read(text: string, file: string): { components: readonly ComponentConfigBase[]; diagnostics: readonly Diagnostic[] };
}

/** The readers the file source tries on files that are not YAML/JSON manifests. */
export const COMPONENT_READERS: readonly ComponentFileReader[] = [];
