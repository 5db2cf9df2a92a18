// Types of svg-to-pdfkit 0.1.8 (no bundled declarations): draws an SVG document into a pdfkit page, as vector.
declare module 'svg-to-pdfkit' {
  function SVGtoPDF(
    doc: PDFKit.PDFDocument,
    svg: string,
    x?: number,
    y?: number,
    options?: { width?: number; height?: number; assumePt?: boolean },
  ): void;
  export default SVGtoPDF;
}
