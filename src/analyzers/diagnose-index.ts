/** Every diagnose analyzer (the registry; a meta-test keeps it in step with the catalogue). */
import apiServer from './api-server.js';
import containers from './containers.js';
import controllerManager from './controller-manager.js';
import coredns from './coredns.js';
import type { Analyzer } from './define-analyzer.js';
import etcd from './etcd.js';
import kubelet from './kubelet.js';
import nodes from './nodes.js';
import scheduler from './scheduler.js';

export const DIAGNOSE_ANALYZERS: readonly Analyzer[] = [
  apiServer,
  etcd,
  scheduler,
  controllerManager,
  kubelet,
  nodes,
  containers,
  coredns,
];
