// Registers every source adapter and file format (imported once by the core service).
import { registerAdapter } from './index';
import { registerFormat } from '../formats/registry';
import { mastodonFormat } from '../formats/mastodon';
import { mastodonSource } from './mastodon';
import { blueskyFormat } from '../formats/bluesky';
import { blueskySource } from './bluesky';
export {};
registerAdapter(mastodonSource);
registerFormat(mastodonFormat);
registerAdapter(blueskySource);
registerFormat(blueskyFormat);
