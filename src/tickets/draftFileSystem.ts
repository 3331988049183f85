import * as vscode from 'vscode';
import { DraftStore } from './draftStore';

export const DRAFT_SCHEME = 'cloudportal-draft';

/**
 * Ticket drafts as documents: written in a real editor (Markdown, the user's keybindings,
 * spell checkers…) and stored in the DraftStore on every save. The sidebar keeps them across reloads.
 */
export class DraftFileSystem implements vscode.FileSystemProvider {
  private readonly changed = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.changed.event;

  constructor(private readonly drafts: DraftStore) {}

  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined);
  }

  stat(uri: vscode.Uri): vscode.FileStat {
    const draft = this.drafts.get(uri.path);
    if (draft) {
      return { type: vscode.FileType.File, ctime: draft.updatedAt, mtime: draft.updatedAt, size: Buffer.byteLength(draft.text) };
    }
    if (uri.path.split('/').length <= 3) {
      return { type: vscode.FileType.Directory, ctime: 0, mtime: 0, size: 0 };
    }
    throw vscode.FileSystemError.FileNotFound(uri);
  }

  readFile(uri: vscode.Uri): Uint8Array {
    const draft = this.drafts.get(uri.path);
    if (!draft) {
      throw vscode.FileSystemError.FileNotFound(uri);
    }
    return Buffer.from(draft.text, 'utf8');
  }

  async writeFile(uri: vscode.Uri, content: Uint8Array): Promise<void> {
    if (!this.drafts.get(uri.path)) {
      // The draft was sent (and deleted) while its editor still had a save queued: nothing to keep.
      return;
    }
    await this.drafts.write(uri.path, Buffer.from(content).toString('utf8'));
    this.changed.fire([{ type: vscode.FileChangeType.Changed, uri }]);
  }

  async delete(uri: vscode.Uri): Promise<void> {
    await this.drafts.delete(uri.path);
    this.changed.fire([{ type: vscode.FileChangeType.Deleted, uri }]);
  }

  readDirectory(): [string, vscode.FileType][] {
    return [];
  }

  createDirectory(): void {
    throw vscode.FileSystemError.NoPermissions(vscode.l10n.t('Drafts cannot hold folders.'));
  }

  rename(): void {
    throw vscode.FileSystemError.NoPermissions(vscode.l10n.t('Drafts cannot be renamed.'));
  }
}
