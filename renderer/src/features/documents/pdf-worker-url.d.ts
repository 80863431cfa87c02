/** Vite's `?url` import: the pdf.js worker is emitted as a file of the app and served from 'self'. */
declare module 'pdfjs-dist/legacy/build/pdf.worker.min.mjs?url' {
  const url: string;
  export default url;
}
