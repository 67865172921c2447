/** The gateways compared, by the role name servers.ts starts them under. */
export const GATEWAY_ROLES = ['ours', 'apollo', 'hive', 'hive-router'] as const;
export type GatewayRole = (typeof GATEWAY_ROLES)[number];

export const ROW_NAMES: Record<GatewayRole, string> = {
  ours: 'MindScape gateway',
  apollo: 'stock @apollo/gateway',
  hive: 'Hive Gateway',
  'hive-router': 'Hive Gateway + router-runtime',
};
