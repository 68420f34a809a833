import type { CallerMediaFactory } from '../media/media-endpoint';

/**
 * The default caller endpoint (werift), loaded on first use: a simulator given another factory,
 * or one that never places a call, never loads WebRTC.
 *
 * @example
 * const media = options.media ?? lazyWeriftMediaFactory();
 */
export function lazyWeriftMediaFactory(): CallerMediaFactory {
  let factory: Promise<CallerMediaFactory> | undefined;
  const load = () => {
    factory ??= import('../media/werift-caller').then((m) => m.createWeriftMediaFactory());
    return factory;
  };
  return {
    offer: async (options) => (await load()).offer(options),
    answer: async (remoteOffer, options) => (await load()).answer(remoteOffer, options),
  };
}
