// "Test the connection": one `sources.test` call with the config as typed, before anything is saved.
import { api } from '../../api';
import { errorMessage } from './form-problems';

export type TestState =
  | { state: 'idle' }
  | { state: 'running' }
  | { state: 'done'; ok: boolean; message: string; sample: number; tokenUnsaved: boolean };

/**
 * Never throws: a failed call is shown as a failed test. `tokenTyped` flags the result, since the test
 * does not use a typed token: it only counts once stored, on save. `config` is built inside the try,
 * so that a config that cannot be built also reads as a failed test.
 */
export async function testConnection(
  type: string,
  config: () => Record<string, unknown>,
  tokenTyped: boolean,
): Promise<TestState> {
  try {
    const r = await api.call('sources.test', { type, config: config() });
    return { state: 'done', ...r, tokenUnsaved: tokenTyped };
  } catch (err) {
    return { state: 'done', ok: false, message: errorMessage(err), sample: 0, tokenUnsaved: false };
  }
}
