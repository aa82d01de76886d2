/**
 * CNI configuration facts: Calico FelixConfiguration fields and Cilium options that changed.
 * Sources: https://docs.tigera.io/calico/latest/reference/resources/felixconfig,
 * https://docs.cilium.io/en/stable/operations/upgrade/ (1.14 and 1.15 upgrade notes).
 */
export const FELIX_DOCS = 'https://docs.tigera.io/calico/latest/reference/resources/felixconfig';
const CILIUM_UPGRADE = 'https://docs.cilium.io/en/stable/operations/upgrade/';

/** FelixConfiguration spec fields kubetune knows (camelCase; the CRD rejects or drops anything else). */
export const FELIX_FIELDS: ReadonlySet<string> = new Set(
  `allowIPIPPacketsFromWorkloads allowVXLANPacketsFromWorkloads awsSrcDstCheck bpfConnectTimeLoadBalancing
  bpfConnectTimeLoadBalancingEnabled bpfDataIfacePattern bpfDisableUnprivileged bpfEnabled bpfEnforceRPF
  bpfExtToServiceConnmark bpfExternalServiceMode bpfHostConntrackBypass bpfHostNetworkedNATWithoutCTLB
  bpfKubeProxyEndpointSlicesEnabled bpfKubeProxyIptablesCleanupEnabled bpfKubeProxyMinSyncPeriod bpfL3IfacePattern
  bpfLogLevel bpfLogFilters bpfMapSizeConntrack bpfMapSizeIPSets bpfMapSizeIfState bpfMapSizeNATAffinity
  bpfMapSizeNATBackend bpfMapSizeNATFrontend bpfMapSizeRoute bpfPSNATPorts bpfPolicyDebugEnabled chainInsertMode
  dataplaneDriver dataplaneWatchdogTimeout debugDisableLogDropping debugMemoryProfilePath defaultEndpointToHostAction
  deviceRouteProtocol deviceRouteSourceAddress deviceRouteSourceAddressIPv6 disableConntrackInvalidCheck
  endpointReportingDelay endpointReportingEnabled externalNodesCIDRList failsafeInboundHostPorts
  failsafeOutboundHostPorts featureDetectOverride featureGates floatingIPs genericXDPEnabled goGCThreshold
  goMaxProcs goMemoryLimitMB healthEnabled healthHost healthPort healthTimeoutOverrides interfaceExclude
  interfacePrefix interfaceRefreshInterval ipForwarding ipipEnabled ipipMTU ipsetsRefreshInterval iptablesBackend
  iptablesFilterAllowAction iptablesFilterDenyAction iptablesLockFilePath iptablesLockProbeInterval
  iptablesLockTimeout iptablesMangleAllowAction iptablesMarkMask iptablesNATOutgoingInterfaceFilter
  iptablesPostWriteCheckInterval iptablesRefreshInterval ipv6Support kubeNodePortRanges logDebugFilenameRegex
  logFilePath logPrefix logSeverityFile logSeverityScreen logSeveritySys maxIpsetSize metadataAddr metadataPort
  mtuIfacePattern natOutgoingAddress natPortRange netlinkTimeout nftablesMode nftablesRefreshInterval
  openstackRegion policySyncPathPrefix prometheusGoMetricsEnabled prometheusMetricsEnabled prometheusMetricsHost
  prometheusMetricsPort prometheusProcessMetricsEnabled prometheusWireGuardMetricsEnabled removeExternalRoutes
  reportingInterval reportingTTL routeRefreshInterval routeSource routeSyncDisabled routeTableRange
  routeTableRanges serviceLoopPrevention sidecarAccelerationEnabled usageReportingEnabled
  usageReportingInitialDelay usageReportingInterval useInternalDataplaneDriver vxlanEnabled vxlanMTU vxlanMTUV6
  vxlanPort vxlanVNI wireguardEnabled wireguardEnabledV6 wireguardHostEncryptionEnabled wireguardInterfaceName
  wireguardInterfaceNameV6 wireguardKeepAlive wireguardListeningPort wireguardListeningPortV6 wireguardMTU
  wireguardMTUV6 wireguardRoutingRulePriority wireguardThreadingEnabled workloadSourceSpoofing xdpEnabled
  xdpRefreshInterval`.split(/\s+/),
);

export interface CniDeprecation {
  /** ConfigMap key (kebab-case) or Helm value path (dotted camelCase). */
  readonly key: string;
  readonly form: 'configmap' | 'helm-values' | 'felix';
  /** When set, only these values are affected. */
  readonly values?: readonly string[];
  readonly deprecatedIn: string;
  readonly removedIn?: string;
  readonly replacement: string;
  readonly source: string;
}

/** Versions are Cilium / Calico releases. */
export const CNI_DEPRECATIONS: readonly CniDeprecation[] = [
  {
    key: 'tunnel',
    form: 'configmap',
    deprecatedIn: 'Cilium 1.14',
    removedIn: 'Cilium 1.15',
    replacement: 'routing-mode (tunnel|native) and tunnel-protocol (vxlan|geneve)',
    source: CILIUM_UPGRADE,
  },
  {
    key: 'tunnel',
    form: 'helm-values',
    deprecatedIn: 'Cilium 1.14',
    removedIn: 'Cilium 1.15',
    replacement: 'routingMode and tunnelProtocol',
    source: CILIUM_UPGRADE,
  },
  {
    key: 'kube-proxy-replacement',
    form: 'configmap',
    values: ['strict', 'partial', 'probe', 'disabled'],
    deprecatedIn: 'Cilium 1.14',
    removedIn: 'Cilium 1.15',
    replacement: '"true" or "false" (with the individual feature flags)',
    source: CILIUM_UPGRADE,
  },
  {
    key: 'kubeProxyReplacement',
    form: 'helm-values',
    values: ['strict', 'partial', 'probe', 'disabled'],
    deprecatedIn: 'Cilium 1.14',
    removedIn: 'Cilium 1.15',
    replacement: 'true or false',
    source: CILIUM_UPGRADE,
  },
  {
    key: 'native-routing-cidr',
    form: 'configmap',
    deprecatedIn: 'Cilium 1.11',
    removedIn: 'Cilium 1.12',
    replacement: 'ipv4-native-routing-cidr',
    source: CILIUM_UPGRADE,
  },
  {
    key: 'nativeRoutingCIDR',
    form: 'helm-values',
    deprecatedIn: 'Cilium 1.11',
    removedIn: 'Cilium 1.12',
    replacement: 'ipv4NativeRoutingCIDR',
    source: CILIUM_UPGRADE,
  },
  {
    key: 'bpfConnectTimeLoadBalancingEnabled',
    form: 'felix',
    deprecatedIn: 'Calico 3.26',
    replacement: 'bpfConnectTimeLoadBalancing (TCP|Enabled|Disabled)',
    source: FELIX_DOCS,
  },
];
