import { createHash } from 'node:crypto';

/**
 * What makes two quarantined records the same one: its source, why it was refused (the reason code,
 * or the sentence for records without one) and its raw excerpt. Not its position: a bad feed item
 * moves down the feed as new items arrive.
 */
export function quarantineFingerprint(sourceId: string | null, why: string, raw: string): string {
  return createHash('sha1')
    .update(`${sourceId ?? ''}\u0000${why}\u0000${raw}`)
    .digest('hex');
}
