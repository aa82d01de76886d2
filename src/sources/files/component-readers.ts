import type { ComponentConfigBase } from '../../model/component-config.js';
import type { Diagnostic } from '../../model/diagnostic.js';
import { CILIUM_VALUES_READER, UNRECOGNISED_READER } from './configs/cilium-values.js';
import { CONTAINERD_READER } from './configs/containerd.js';
import { DOCKER_READER } from './configs/docker.js';
import { ETCD_CONFIG_READER, ETCD_ENV_READER } from './configs/etcd.js';
import { FLAG_FILE_READER, SYSTEMD_UNIT_READER } from './configs/flag-files.js';
import { SYSCTL_READER } from './configs/sysctl.js';
import { MONITORING_FILE_READER } from './monitoring-files.js';

/** Reads a non-Kubernetes config file (containerd TOML, sysctl.conf, systemd unit, flag file...). */
export interface ComponentFileReader {
  readonly name: string;
  /** Whether this reader handles the file (by path and, when needed, its first bytes; `head` is '' during discovery). */
  matches(file: string, head: string): boolean;
  /** `firstLine` is the 1-based line where `text` starts in `file` (a YAML document after others). */
  read(
    text: string,
    file: string,
    firstLine?: number,
  ): { components: readonly ComponentConfigBase[]; diagnostics: readonly Diagnostic[] };
}

/** The readers the file source tries on files that are not YAML/JSON manifests, most specific first. */
export const COMPONENT_READERS: readonly ComponentFileReader[] = [
  CONTAINERD_READER,
  DOCKER_READER,
  SYSCTL_READER,
  SYSTEMD_UNIT_READER,
  ETCD_ENV_READER,
  FLAG_FILE_READER,
  ETCD_CONFIG_READER,
  MONITORING_FILE_READER,
  CILIUM_VALUES_READER,
  UNRECOGNISED_READER,
];
