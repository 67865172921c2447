export { CompositionError, createGateway, type RunningGateway } from './app.js';
export { gatewayConfigSchema, type GatewayConfig } from './config.js';
export { CloseCode } from './subscriptions/close-codes.js';
