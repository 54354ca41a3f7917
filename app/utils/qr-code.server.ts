/**
 * A QR code as inline SVG, drawn on our own server: the key it carries never travels to an outside service. The
 * library is loaded with the first enrolment, not at every start.
 */
export async function qrCodeSvg(text: string): Promise<string> {
  const { default: QRCode } = await import("qrcode");
  return QRCode.toString(text, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
}
