import * as vscode from 'vscode';
import type { ZoneProblem } from './zoneFile';
import { ZONE_SCHEME } from './zoneUri';

/**
 * Problems in open zone files, as the user types: lines that do not parse, records the record form
 * would refuse, types the portal does not take. Failed changes after a save are added here too.
 * The parser is imported with the first zone document, not at activation.
 */
export class ZoneDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection(vscode.l10n.t('Cloud Portal zone'));
  private readonly subscriptions: vscode.Disposable[] = [];
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(private readonly supportedTypes: (uri: vscode.Uri) => Promise<string[] | undefined>) {
    this.subscriptions.push(
      this.collection,
      vscode.workspace.onDidOpenTextDocument((d) => this.schedule(d, 0)),
      vscode.workspace.onDidChangeTextDocument((e) => this.schedule(e.document, 300)),
      vscode.workspace.onDidCloseTextDocument((d) => this.collection.delete(d.uri)),
    );
    vscode.workspace.textDocuments.forEach((d) => this.schedule(d, 0));
  }

  private schedule(document: vscode.TextDocument, delayMs: number): void {
    if (document.uri.scheme !== ZONE_SCHEME && document.languageId !== 'dns-zone') return;
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(key, setTimeout(() => void this.check(document), delayMs));
  }

  async check(document: vscode.TextDocument): Promise<void> {
    const origin = document.uri.path.split('/').pop()!.replace(/\.(zone|db|txt)$/i, '');
    const [{ parseZone }, { checkZone }] = await Promise.all([import('./zoneFile'), import('./zoneSync')]);
    const parsed = parseZone(document.getText(), origin);
    const supported = document.uri.scheme === ZONE_SCHEME ? await this.supportedTypes(document.uri) : undefined;
    this.show(document.uri, checkZone(parsed, supported), document);
  }

  show(uri: vscode.Uri, problems: ZoneProblem[], document?: vscode.TextDocument): void {
    const doc = document ?? vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    this.collection.set(
      uri,
      problems.map((p) => {
        const line = doc && p.line < doc.lineCount ? doc.lineAt(p.line).range : new vscode.Range(p.line, 0, p.line, 1000);
        const d = new vscode.Diagnostic(line, p.message, p.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning);
        d.source = vscode.l10n.t('Cloud Portal');
        return d;
      }),
    );
  }

  dispose(): void {
    this.timers.forEach((t) => clearTimeout(t));
    this.subscriptions.forEach((s) => s.dispose());
  }
}
