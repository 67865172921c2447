import type { ScenarioOptions } from '../report.js';
import { companionKill } from './companion-kill.js';
import { emotionsKill } from './emotions-kill.js';
import { engineRestart } from './engine-restart.js';
import { redisLoss } from './redis-loss.js';
import { soak } from './soak.js';
import { subgraphKill } from './subgraph-kill.js';

export interface Scenario {
  name: string;
  run(options: ScenarioOptions): Promise<void>;
}

/** In the order the suite runs them. */
export const scenarios: Scenario[] = [
  { name: 'emotions-kill', run: emotionsKill },
  { name: 'redis-loss', run: redisLoss },
  { name: 'subgraph-kill', run: subgraphKill },
  { name: 'companion-kill', run: companionKill },
  { name: 'engine-restart', run: engineRestart },
  { name: 'soak', run: soak },
];
