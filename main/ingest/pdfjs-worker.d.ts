// pdf.js ships no typings for its worker module; Tala only hands it to pdf.js (see pdf.ts).
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown;
}
