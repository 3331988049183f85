// esbuild plugin shared by esbuild.js and the test that runs the trimmed client against the mock portal.
const path = require('path');
const zlib = require('zlib');

/**
 * Makes undici smaller in the extension bundle without changing what runs:
 * - leaves out the SIMD copy of the HTTP parser (undici falls back to the plain WebAssembly parser
 *   it also ships when loading SIMD fails, so the stub exports nothing);
 * - leaves out the fetch body encoder, used only for FormData/Blob request bodies (we send JSON);
 * - leaves out the HTTP/2 client (our pools never offer h2, so it is never picked);
 * - leaves out the SOCKS5 proxy agent (the client refuses socks:// proxies before building a
 *   ProxyAgent, so undici never constructs it);
 * - stores the plain parser Brotli-compressed (70 KB of base64 become about 20 KB) and inflates it
 *   on first use, which undici already defers until the first connection.
 */
const undiciTrim = {
  name: 'undici-trim',
  setup(build) {
    build.onResolve({ filter: /llhttp_simd-wasm\.js$|web[\\/]fetch[\\/]body\.js$|client-h2\.js$|socks5-proxy-agent(\.js)?$/ }, (args) => ({ path: args.path, namespace: 'undici-trim' }));
    build.onLoad({ filter: /.*/, namespace: 'undici-trim' }, (args) => ({
      contents: args.path.includes('simd')
        ? 'module.exports = undefined;'
        : args.path.includes('socks5')
          ? "module.exports = class { constructor() { throw new Error('SOCKS proxies are not supported.'); } };"
        : args.path.includes('client-h2')
          ? "module.exports = () => { throw new Error('HTTP/2 is not supported.'); };"
          : "module.exports.extractBody = () => { throw new Error('FormData and Blob request bodies are not supported.'); };",
      loader: 'js',
    }));
    build.onResolve({ filter: /llhttp-wasm\.js$/ }, (args) => ({ path: path.join(args.resolveDir, args.path), namespace: 'undici-wasm' }));
    build.onLoad({ filter: /.*/, namespace: 'undici-wasm' }, (args) => {
      const wasm = require(args.path);
      const packed = zlib.brotliCompressSync(wasm, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).toString('base64');
      return {
        contents: `let wasm;
Object.defineProperty(module, 'exports', { get: () => (wasm ??= require('node:zlib').brotliDecompressSync(Buffer.from('${packed}', 'base64'))) });`,
        loader: 'js',
      };
    });
  },
};

module.exports = { undiciTrim };
