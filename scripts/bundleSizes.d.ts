export interface BundleSizes {
  /** Bytes of the entry and the chunks it imports statically: what activation loads. */
  activation: number;
  activationFiles: string[];
  /** Bytes of the chunks loaded by `import()` on first use. */
  lazy: number;
  lazyFiles: string[];
  total: number;
}
export function bundleSizes(root?: string): BundleSizes;
