// Binds the contract to ipcMain: checks the sender frame, parses with the contract, forwards events.
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { CALL_NAMES, parseRequest, type CallName } from '../shared/contract';
import { toContractError } from './core/errors';
import type { CoreHost } from './core/host';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from '../shared/names';
import type { Keychain } from './keychain';
import { isTrustedSender } from './window-policy';

export function bindIpc(
  core: CoreHost,
  getWindow: () => BrowserWindow | null,
  keychain: Keychain,
): () => void {
  const handler = async (event: IpcMainInvokeEvent, name: unknown, params: unknown) => {
    const frame = event.senderFrame;
    if (!frame || !isTrustedSender(frame.url, frame === event.sender.mainFrame)) {
      return { ok: false, error: { code: 'forbidden', message: 'Untrusted sender.' } };
    }
    try {
      if (typeof name !== 'string' || !CALL_NAMES.includes(name as CallName)) {
        return {
          ok: false,
          error: { code: 'unknown_call', message: `Unknown call: ${String(name).slice(0, 80)}` },
        };
      }
      const request = parseRequest(name as CallName, params);
      const value = await core.callRaw(name, request);
      // Secrets also go to the OS keychain so they survive a restart; the core keeps them in memory only.
      if (name === 'sources.setSecret') {
        const { id, secret } = request as { id: string; secret: string };
        keychain.store(id, secret.trim());
      }
      if (name === 'sources.delete') keychain.remove((request as { id: string }).id);
      return { ok: true, value };
    } catch (err) {
      return { ok: false, error: toContractError(err) };
    }
  };
  ipcMain.handle(INVOKE_CHANNEL, handler);
  const off = core.onAnyEvent((name, payload) => {
    const win = getWindow();
    if (win && !win.isDestroyed()) win.webContents.send(EVENT_CHANNEL, name, payload);
  });
  return () => {
    ipcMain.removeHandler(INVOKE_CHANNEL);
    off();
  };
}
