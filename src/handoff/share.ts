// Several instances: each instance's handoff events go to the others over the cluster bus, where they
// update the index and the live queues and reach the advisors' console sockets. The relay and the
// notifications keep listening to local events only, so each action is relayed or mailed once.
import type { Bus } from '../cluster/index.js';
import type { Logger } from '../log.js';
import type { HandoffEvent } from './events.js';
import type { HandoffService } from './service.js';

export const HANDOFF_TOPIC = 'handoff';

/** Starts sharing (nothing to do on the in-memory bus); returns the function that stops it. */
export async function shareHandoffEvents(service: HandoffService, bus: Bus, logger: Logger): Promise<() => void> {
  if (!bus.shared) return () => undefined;
  const offBus = await bus.subscribe(HANDOFF_TOPIC, (message, delivery) => {
    if (!delivery.local) service.applyRemote(message as HandoffEvent);
  });
  const offLocal = service.onEvent((event) => {
    bus
      .publish(HANDOFF_TOPIC, event)
      .catch((err: Error) => logger.error('[handoff] event not shared', { type: event.type, err: err.message }));
  });
  // Events missed while Redis was away: the store has the truth.
  const offReconnect = bus.onReconnect(() => {
    service.reload().catch((err: Error) => logger.error('[handoff] reload after reconnection failed', { err: err.message }));
  });
  return () => {
    offReconnect();
    offLocal();
    offBus();
  };
}
