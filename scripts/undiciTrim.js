// esbuild plugin shared by esbuild.js and the test that runs the trimmed client against the mock portal.
/**
 * Leaves out three parts of undici the extension never runs: the SIMD copy of the HTTP parser (undici
 * falls back to the plain WebAssembly parser it also ships when loading SIMD fails, so the stub
 * throws), the fetch body encoder used only for FormData/Blob request bodies (we send JSON), and
 * the HTTP/2 client (our pools never offer h2, so it is never picked).
 */
const undiciTrim = {
  name: 'undici-trim',
  setup(build) {
    build.onResolve({ filter: /llhttp_simd-wasm\.js$|web[\\/]fetch[\\/]body\.js$|client-h2\.js$/ }, (args) => ({ path: args.path, namespace: 'undici-trim' }));
    build.onLoad({ filter: /.*/, namespace: 'undici-trim' }, (args) => ({
      contents: args.path.includes('simd')
        ? 'module.exports = undefined;'
        : args.path.includes('client-h2')
          ? "module.exports = () => { throw new Error('HTTP/2 is not supported.'); };"
          : "module.exports.extractBody = () => { throw new Error('FormData and Blob request bodies are not supported.'); };",
      loader: 'js',
    }));
  },
};

module.exports = { undiciTrim };
