import type { Config } from '../config.js';
import type { PromptTokenCounter } from './prompt-tokens.js';
import { SIMULATED_MODEL } from './proxy.rules.js';
import { SimulatedUpstream } from './simulated.upstream.js';
import { OpenAiUpstream, type OpenAiApis } from './upstream.js';

/** Which upstream answers a model: the configured provider, or the simulator without a key (and for creditmeter-sim). */
export class Upstreams {
  private readonly simulator: SimulatedUpstream;
  private readonly openAiProvider: OpenAiUpstream | null;

  constructor(config: Config, promptTokens: PromptTokenCounter) {
    this.simulator = new SimulatedUpstream(promptTokens);
    this.openAiProvider = config.OPENAI_API_KEY
      ? new OpenAiUpstream({ apiKey: config.OPENAI_API_KEY, baseURL: config.OPENAI_BASE_URL, timeoutMs: config.PROXY_UPSTREAM_TIMEOUT_MS })
      : null;
  }

  isSimulated(model: string): boolean {
    return !this.openAiProvider || model === SIMULATED_MODEL;
  }

  openAi(model: string): OpenAiApis {
    return this.isSimulated(model) ? this.simulator : this.openAiProvider!;
  }
}
