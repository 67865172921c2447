/** The gateways compared, by the role name servers.ts starts them under. */
export const GATEWAY_ROLES = ['ours', 'apollo', 'hive', 'hive-router', 'ours-unmerged'] as const;
export type GatewayRole = (typeof GATEWAY_ROLES)[number];

export const ROW_NAMES: Record<GatewayRole, string> = {
  ours: 'MindScape gateway',
  apollo: 'stock @apollo/gateway',
  hive: 'Hive Gateway',
  'hive-router': 'Hive Gateway + router-runtime',
  'ours-unmerged': 'MindScape gateway, reads unmerged',
};

/** Rows run only when named in --only: ours with a setting changed, for a decision's figures. */
export const OPT_IN_ROLES: readonly GatewayRole[] = ['ours-unmerged'];
