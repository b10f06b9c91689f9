import type { Config } from '../config.js';
import type { PromptTokenCounter } from './prompt-tokens.js';
import { SIMULATED_MODEL } from './proxy.rules.js';
import { SimulatedUpstream } from './simulated.upstream.js';
import { AnthropicUpstream, type MessagesUpstream } from './surfaces/anthropic.upstream.js';
import { SimulatedAnthropicUpstream } from './surfaces/simulated-anthropic.upstream.js';
import { OpenAiUpstream, type OpenAiApis } from './upstream.js';

/** Which upstream answers a model: its provider when that provider's key is set, else the simulator (always for creditmeter-sim). */
export class Upstreams {
  private readonly simulator: SimulatedUpstream;
  private readonly openAiProvider: OpenAiUpstream | null;
  private readonly anthropicSimulator: SimulatedAnthropicUpstream;
  private readonly anthropicProvider: AnthropicUpstream | null;

  constructor(config: Config, promptTokens: PromptTokenCounter) {
    this.simulator = new SimulatedUpstream(promptTokens);
    this.openAiProvider = config.OPENAI_API_KEY
      ? new OpenAiUpstream({ apiKey: config.OPENAI_API_KEY, baseURL: config.OPENAI_BASE_URL, timeoutMs: config.PROXY_UPSTREAM_TIMEOUT_MS })
      : null;
    this.anthropicSimulator = new SimulatedAnthropicUpstream(promptTokens);
    this.anthropicProvider = config.ANTHROPIC_API_KEY
      ? new AnthropicUpstream({
          apiKey: config.ANTHROPIC_API_KEY,
          baseURL: config.ANTHROPIC_BASE_URL,
          timeoutMs: config.PROXY_UPSTREAM_TIMEOUT_MS,
        })
      : null;
  }

  isSimulated(rate: { model: string; provider?: string }): boolean {
    if (rate.model === SIMULATED_MODEL) return true;
    return rate.provider === 'anthropic' ? !this.anthropicProvider : !this.openAiProvider;
  }

  openAi(model: string): OpenAiApis {
    return this.isSimulated({ model }) ? this.simulator : this.openAiProvider!;
  }

  anthropic(model: string): MessagesUpstream {
    return this.isSimulated({ model, provider: 'anthropic' }) ? this.anthropicSimulator : this.anthropicProvider!;
  }
}
