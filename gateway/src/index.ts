export {
  CompositionError,
  createGateway,
  type GatewayOptions,
  type RunningGateway,
} from './app.js';
export { anonymousGatewayConfigSchema, gatewayConfigSchema, type GatewayConfig } from './config.js';
export { CloseCode } from './subscriptions/close-codes.js';
