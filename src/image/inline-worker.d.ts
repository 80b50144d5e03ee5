// Vite's `?worker&inline` import, declared here so the library's own build
// (tsconfig.build.json, without vite/client types) type-checks the worker client.
declare module '*/crop.worker.js?worker&inline' {
  const CropWorker: new (options?: { name?: string }) => Worker
  export default CropWorker
}
