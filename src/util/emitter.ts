/** A listener subscription; compatible with vscode.Disposable. */
export interface Disposable {
  dispose(): void;
}

/** Subscribe with a listener; compatible with vscode.Event, so views can use it as one. */
export type Event<T> = (listener: (value: T) => void) => Disposable;

/** A minimal event emitter for the layers that must not import `vscode`. */
export class Emitter<T> implements Disposable {
  private listeners = new Set<(value: T) => void>();

  readonly event: Event<T> = (listener) => {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  };

  fire(value: T): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(value);
      } catch {
        // One failing listener must not keep the others from hearing the event.
      }
    }
  }

  get listenerCount(): number {
    return this.listeners.size;
  }

  dispose(): void {
    this.listeners.clear();
  }
}
